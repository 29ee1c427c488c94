import type { TextEdit } from '../fixTypes';
import type { OffsetRange } from '../types';
import type { LineIndex } from './lineIndex';

/** Where one line of a block's extracted text lives in the document. */
export interface LineSegment {
  /** Offset of the line's first character in the block text. */
  localStart: number;
  /** Length of the line in the block text, without its `\n`. */
  length: number;
  /**
   * Leading characters of the block line that are not in the source verbatim: markdown-it expands a tab
   * that is only partly consumed by indentation into spaces.
   */
  synthetic: number;
  /** Document offset of the block line's character at index `synthetic`. */
  docStart: number;
  /** Source text before the content on this line: container markers (`> `, list indent) and indentation. */
  prefix: string;
}

/**
 * Maps offsets in text extracted from a Markdown block (a fence's content, an inline run) to offsets in the
 * document. markdown-it strips container prefixes per line and joins lines with `\n`; each extracted line is
 * therefore a piece of one source line, and this records where.
 */
export class FenceMap {
  constructor(readonly text: string, readonly segments: readonly LineSegment[], readonly eol: '\n' | '\r\n') {}

  toDocument(local: number): number {
    const segment = this.segments[this.segmentIndexOf(local)];
    const column = Math.min(Math.max(local - segment.localStart, 0), segment.length);
    return segment.docStart + Math.max(column - segment.synthetic, 0);
  }

  toDocumentRange(range: OffsetRange): OffsetRange {
    return { start: this.toDocument(range.start), end: this.toDocument(range.end) };
  }

  /** The block offset of a document offset, or undefined when the offset is outside the block's text. */
  toLocal(offset: number): number | undefined {
    for (const segment of this.segments) {
      const docEnd = segment.docStart + segment.length - segment.synthetic;
      if (offset >= segment.docStart && offset <= docEnd) return segment.localStart + segment.synthetic + (offset - segment.docStart);
    }
    return undefined;
  }

  toLocalRange(range: OffsetRange): OffsetRange | undefined {
    const start = this.toLocal(range.start);
    const end = this.toLocal(range.end);
    return start === undefined || end === undefined ? undefined : { start, end };
  }

  /**
   * A block-local edit as a document edit. Line breaks in the new text get the document's line break and
   * the container prefix of the line the edit starts on, so a fix inside a fence in a block quote or list
   * item stays inside it.
   */
  toDocumentEdit(edit: TextEdit): TextEdit {
    const prefix = this.segments[this.segmentIndexOf(edit.range.start)].prefix;
    const newText = edit.newText.includes('\n') ? edit.newText.split('\n').join(this.eol + prefix) : edit.newText;
    return { range: this.toDocumentRange(edit.range), newText };
  }

  private segmentIndexOf(local: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid].localStart <= local) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** How an extracted line sits in its source line. */
export type LineAlignment = (content: string, source: string, cursor: number) => { column: number; synthetic: number } | undefined;

/** Fence, indented code and inner paragraph lines: the extracted line is the end of the source line. */
export const alignSuffix: LineAlignment = (content, source) => {
  if (source.endsWith(content)) return { column: source.length - content.length, synthetic: 0 };
  // A tab partly consumed by indentation comes back as spaces that are not in the source.
  let common = 0;
  while (common < content.length && common < source.length
    && content.charCodeAt(content.length - 1 - common) === source.charCodeAt(source.length - 1 - common)) common++;
  const synthetic = content.length - common;
  const column = source.length - common;
  if (!/^ +$/.test(content.slice(0, synthetic)) || source.charAt(column - 1) !== '\t') return undefined;
  return { column, synthetic };
};

/** The last line of a paragraph: markdown-it trims trailing whitespace off the block. */
export const alignTrimmedEnd: LineAlignment = (content, source, cursor) => alignSuffix(content, source.trimEnd(), cursor);

/** ATX heading text: between the opening `#`s and an optional closing sequence. */
export const alignHeading: LineAlignment = (content, source) => {
  for (let column = source.lastIndexOf(content); column >= 0; column = column === 0 ? -1 : source.lastIndexOf(content, column - 1)) {
    if (/^[ \t]*(?:#+[ \t]*)?$/.test(source.slice(column + content.length))) return { column, synthetic: 0 };
  }
  return undefined;
};

/** Table cells: found left to right along the row. */
export const alignCell: LineAlignment = (content, source, cursor) => {
  const column = source.indexOf(content, cursor);
  return column < 0 ? undefined : { column, synthetic: 0 };
};

/**
 * Builds the map for `text` whose lines come from consecutive document lines starting at `firstLine`.
 * `alignLine(i, lastLine)` picks the alignment per line. Undefined when a line cannot be located: the
 * caller then reports nothing for that block rather than a wrong range.
 */
export function buildFenceMap(
  index: LineIndex, text: string, firstLine: number,
  alignLine: (lineInBlock: number, isLast: boolean) => LineAlignment, cursor = 0,
): FenceMap | undefined {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '' && text.endsWith('\n')) lines.pop();
  const segments: LineSegment[] = [];
  let localStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = firstLine + i;
    if (line >= index.lineCount) return undefined;
    const source = index.lineText(line);
    const placed = alignLine(i, i === lines.length - 1)(lines[i], source, i === 0 ? cursor : 0);
    if (!placed) return undefined;
    segments.push({
      localStart, length: lines[i].length, synthetic: placed.synthetic,
      docStart: index.starts[line] + placed.column, prefix: source.slice(0, placed.column),
    });
    localStart += lines[i].length + 1;
  }
  return new FenceMap(text, segments, index.eol);
}

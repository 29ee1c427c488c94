import MarkdownIt from 'markdown-it';
import { type FenceMap, type LineAlignment, alignCell, alignHeading, alignSuffix, alignTrimmedEnd, buildFenceMap } from './fenceMap';
import { type FrontMatter, readFrontMatter } from './frontMatter';
import { type InlineSpan, type SpanEnv, recordInlineSpans } from './inlineSpans';
import { LineIndex } from './lineIndex';

/** A fenced or indented code block. `map` is undefined when its lines could not be located exactly. */
export interface CodeBlock {
  type: 'code';
  /** The info string of a fence (`python title="x"`); empty for indented code. */
  info: string;
  text: string;
  map: FenceMap | undefined;
  /** Document lines [first content line, line after the last content line). */
  line: number;
}

/**
 * Text that markdown-it parses as inline content (a paragraph, a heading's text or a table cell), or the text of an
 * HTML block's `<summary>` element, which a reader sees as the heading of a `<details>` box.
 */
export interface InlineBlock {
  type: 'inline';
  role: 'paragraph' | 'heading' | 'cell' | 'summary';
  text: string;
  map: FenceMap | undefined;
  spans: InlineSpan[];
  line: number;
}

export interface HeadingBlock {
  type: 'heading';
  level: number;
  line: number;
  inline: InlineBlock;
}

export interface ListItemBlock {
  type: 'list-item';
  /** Nesting depth of the item's list (1 = top-level list). */
  depth: number;
  /** Which list the item belongs to: lists are numbered in document order. */
  list: number;
  line: number;
}

export type Block = CodeBlock | InlineBlock | HeadingBlock | ListItemBlock;

export interface MarkdownDocument {
  index: LineIndex;
  frontMatter: FrontMatter | undefined;
  /** Blocks in document order; a heading's inline text is not listed again. */
  blocks: Block[];
}

const md = new MarkdownIt('default', { html: true, linkify: false });
recordInlineSpans(md);

/** Parses a document once: front matter, then CommonMark structure with exact document positions. */
export function parseMarkdown(text: string): MarkdownDocument {
  const index = new LineIndex(text);
  const frontMatter = readFrontMatter(index);
  const env: SpanEnv = { spans: new Map() };
  const tokens = md.parse(markdownSource(text, index, frontMatter), env);
  return { index, frontMatter, blocks: collectBlocks(tokens, index, env) };
}

/**
 * The text markdown-it sees: front matter lines blanked (so line numbers stay those of the document) and a
 * byte-order mark turned into a space (same length, and CommonMark allows up to three spaces of indent).
 */
function markdownSource(text: string, index: LineIndex, frontMatter: FrontMatter | undefined): string {
  const source = text.startsWith('\uFEFF') ? ' ' + text.slice(1) : text;
  if (!frontMatter) return source;
  const rest = frontMatter.closeLine + 1 < index.lineCount ? source.slice(index.starts[frontMatter.closeLine + 1]) : '';
  return '\n'.repeat(frontMatter.closeLine + 1) + rest;
}

function collectBlocks(tokens: MarkdownIt.Token[], index: LineIndex, env: SpanEnv): Block[] {
  const blocks: Block[] = [];
  const openLists: number[] = [];
  let listCount = 0;
  let rowLine = -1;
  let rowCursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'fence':
      case 'code_block': {
        const line = token.map![0] + (token.type === 'fence' ? 1 : 0);
        const map = token.content === '' ? undefined : buildFenceMap(index, token.content, line, () => alignSuffix);
        blocks.push({ type: 'code', info: token.info.trim(), text: token.content, map, line });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        openLists.push(listCount++);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        openLists.pop();
        break;
      case 'list_item_open':
        blocks.push({ type: 'list-item', depth: openLists.length, list: openLists[openLists.length - 1], line: token.map![0] });
        break;
      case 'tr_open':
        rowLine = token.map![0];
        rowCursor = 0;
        break;
      case 'heading_open': {
        const inline = tokens[i + 1];
        const setext = token.markup === '=' || token.markup === '-';
        const block = inlineBlock(inline, 'heading', token.map![0], index, env, setext ? paragraphAlignment : () => alignHeading);
        blocks.push({ type: 'heading', level: Number(token.tag.slice(1)), line: token.map![0], inline: block });
        i++;
        break;
      }
      case 'paragraph_open':
        blocks.push(inlineBlock(tokens[i + 1], 'paragraph', token.map![0], index, env, paragraphAlignment));
        i++;
        break;
      case 'html_block':
        blocks.push(...summaryBlocks(token, index));
        break;
      case 'inline': {
        // Table cells: the only inline tokens not preceded by a paragraph or heading opener.
        const block = inlineBlock(token, 'cell', rowLine, index, env, () => alignCell, rowCursor);
        if (block.map) rowCursor = block.map.segments[0].docStart - index.starts[rowLine] + block.text.length;
        blocks.push(block);
        break;
      }
    }
  }
  return blocks;
}

/**
 * `<summary>text</summary>` on one line of an HTML block. Only the element's text is read (tags inside it stay as
 * text, which prose patterns ignore); a summary spread over lines is left out rather than mapped inexactly.
 */
function summaryBlocks(token: MarkdownIt.Token, index: LineIndex): InlineBlock[] {
  const blocks: InlineBlock[] = [];
  const [first, end] = token.map!;
  for (let line = first; line < end && line < index.lineCount; line++) {
    const source = index.lineText(line);
    for (const match of source.matchAll(/<summary(?:\s[^>]*)?>([^<]*(?:<(?!\/summary>)[^<]*)*)<\/summary>/gi)) {
      const text = match[1];
      const column = (match.index ?? 0) + match[0].indexOf('>') + 1;
      if (text.trim() === '') continue;
      const map = buildFenceMap(index, text, line, () => alignCell, column);
      blocks.push({ type: 'inline', role: 'summary', text, map, spans: [], line });
    }
  }
  return blocks;
}

const paragraphAlignment = (_line: number, isLast: boolean): LineAlignment => (isLast ? alignTrimmedEnd : alignSuffix);

function inlineBlock(
  token: MarkdownIt.Token, role: InlineBlock['role'], line: number, index: LineIndex, env: SpanEnv,
  align: (line: number, isLast: boolean) => LineAlignment, cursor = 0,
): InlineBlock {
  const text = token.content;
  const map = line < 0 ? undefined : buildFenceMap(index, text, line, align, cursor);
  return { type: 'inline', role, text, map, spans: env.spans.get(token.children ?? []) ?? [], line };
}

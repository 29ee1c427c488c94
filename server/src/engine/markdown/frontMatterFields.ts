import type { OffsetRange } from '../types';
import type { LineIndex } from './lineIndex';

/** A top-level `key: value` line of YAML front matter. */
export interface FrontMatterField {
  key: string;
  line: number;
  keyRange: OffsetRange;
  /** The value as written, without a trailing comment; empty (start === end) when the key has no inline value. */
  valueRange: OffsetRange;
  /** The value text as written (quotes included). */
  raw: string;
}

// Front matter is data, so a line pattern is enough to find where a top-level scalar is written; the
// values themselves come from the YAML parser.
const TOP_LEVEL_KEY = /^(["']?)([A-Za-z_][\w.-]*)\1[ \t]*:(?=[ \t]|$)[ \t]*/;

export function locateFields(index: LineIndex, firstLine: number, endLine: number): Map<string, FrontMatterField> {
  const fields = new Map<string, FrontMatterField>();
  for (let line = firstLine; line < endLine; line++) {
    const text = index.lineText(line);
    const match = TOP_LEVEL_KEY.exec(text);
    if (!match || fields.has(match[2])) continue;
    const lineStart = index.starts[line];
    const valueText = stripComment(text.slice(match[0].length));
    const valueStart = lineStart + match[0].length;
    fields.set(match[2], {
      key: match[2], line,
      keyRange: { start: lineStart + match[1].length, end: lineStart + match[1].length + match[2].length },
      valueRange: { start: valueStart, end: valueStart + valueText.length },
      raw: valueText,
    });
  }
  return fields;
}

/** `5 # five` → `5`; a `#` inside quotes or not preceded by a space is part of the value. */
function stripComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      if (i === 0) quote = ch;
    } else if (ch === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t')) {
      return value.slice(0, i).trimEnd();
    }
  }
  return value.trimEnd();
}

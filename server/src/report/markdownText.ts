// Small Markdown builders. Everything user- or engine-provided goes through `escapeText` so a message with
// `<region>`, `|` or `*` renders as written instead of becoming HTML, a table column or emphasis.
import { escapeControl } from '../formats/terminalText';

const SPECIAL = /[\\`*_[\]<>|#]/g;

/** Line breaks become spaces; other control characters (escape sequences, bidi overrides) a visible `\x1b`. */
export function escapeText(text: string): string {
  return escapeControl(text.replace(/\r?\n|\r/g, ' ').replace(SPECIAL, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : `\\${char}`)));
}

/** Inline code that survives backticks in the value (CommonMark: use a longer fence than any run inside). */
export function code(raw: string): string {
  const text = escapeControl(raw);
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** An identifier-like value (package, operation, host) reads best as code; prose stays prose. */
export function codeOrText(text: string): string {
  return /^[^\s|]+$/.test(text) ? code(text) : escapeText(text);
}

export function link(text: string, href: string): string {
  return `[${text}](${href})`;
}

/** A GitHub-flavoured table; cells must already be escaped. Pipes inside code spans are escaped too (GFM rule). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/(?<!\\)\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// How the file is written, read from the file itself so an inserted member looks like its neighbours.

/** The file's line break: `\r\n` when its first line break is one, else `\n`. */
export function detectEol(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** The whitespace between the start of the line holding `offset` and `offset`; undefined when other text is there. */
export function indentationBefore(text: string, offset: number): string | undefined {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const prefix = text.slice(start, offset);
  return [...prefix].every((ch) => ch === ' ' || ch === '\t') ? prefix : undefined;
}

/** True when only whitespace and at most one comma lie in `text` (the gap between two members, or before `}`). */
export function isPlainSeparator(text: string): boolean {
  let commas = 0;
  for (const ch of text) {
    if (ch === ',') commas++;
    else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return false;
  }
  return commas <= 1;
}

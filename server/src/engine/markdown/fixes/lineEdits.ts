import type { TextEdit } from '../../fixTypes';

/** Start of the line containing `offset` in block text (block lines are joined with `\n`). */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation of the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Inserts comment lines above the line containing `offset`, indented like it. */
export function commentAbove(text: string, offset: number, lines: readonly string[], prefix = indentationAt(text, offset)): TextEdit {
  const start = lineStartOf(text, offset);
  return { range: { start, end: start }, newText: lines.map((line) => `${prefix}# ${line}\n`).join('') };
}

export function replace(start: number, end: number, newText: string): TextEdit {
  return { range: { start, end }, newText };
}

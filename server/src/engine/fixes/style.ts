import type ts from '../typescript';
import { endOfLine, startOfLine } from './support/nodes';
import { treeFacts } from './support/treeFacts';

/** The file's own formatting habits, so generated code looks like the user wrote it (codemod `getMostUsed*`). */
export interface CodeStyle {
  quote: '"' | "'";
  semicolons: boolean;
  eol: '\n' | '\r\n';
  /** One level of indentation. */
  indent: string;
}

export function inferStyle(sourceFile: ts.SourceFile): CodeStyle {
  const text = sourceFile.text;
  const facts = treeFacts(sourceFile);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return {
    quote: facts.singleQuoted > facts.doubleQuoted ? "'" : '"',
    semicolons: facts.withSemicolon >= facts.withoutSemicolon,
    eol: crlf > lf ? '\r\n' : '\n',
    indent: inferIndent(text),
  };
}

/** The most common step between consecutive indented lines: two spaces, four spaces or a tab. */
function inferIndent(text: string): string {
  const counts = new Map<string, number>();
  let previous = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const indentation = /^[ \t]*/.exec(line)![0];
    if (indentation.startsWith('\t')) {
      counts.set('\t', (counts.get('\t') ?? 0) + 1);
      continue;
    }
    const step = indentation.length - previous;
    if (step > 0 && step <= 8) counts.set(' '.repeat(step), (counts.get(' '.repeat(step)) ?? 0) + 1);
    previous = indentation.length;
  }
  let best = '  ';
  let bestCount = 0;
  for (const [unit, count] of counts) {
    if (count > bestCount) {
      best = unit;
      bestCount = count;
    }
  }
  return best;
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: CodeStyle): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(style.quote, 'g'), `\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** The indentation of the line `position` is on. */
export function lineIndentAt(text: string, position: number): string {
  const lineStart = startOfLine(text, position);
  return /^[ \t]*/.exec(text.slice(lineStart, endOfLine(text, lineStart)))![0];
}

/** `;` when the file uses semicolons. */
export function semi(style: CodeStyle): string {
  return style.semicolons ? ';' : '';
}

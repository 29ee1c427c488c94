import type ts from '../../typescript';
import { parseScript } from '../../script/parse';
import type { ScriptLanguage } from '../../types';

/**
 * True when the text does not parse. Rewrites are computed from the syntax tree; on half-typed code the parser's
 * recovery can glue unrelated code into a call, so fixes wait until the file parses (like ESLint's).
 */
export function hasSyntaxErrors(text: string, languageId: ScriptLanguage, fileName?: string): boolean {
  // `parseDiagnostics` is internal to TypeScript but has been on every SourceFile since 1.x.
  const sourceFile = parseScript(text, languageId, fileName) as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] };
  return (sourceFile.parseDiagnostics?.length ?? 0) > 0;
}

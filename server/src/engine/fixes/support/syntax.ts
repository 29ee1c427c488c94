import type ts from '../../typescript';
import { parseScript } from '../../script/parse';
import type { ScriptLanguage } from '../../types';

/**
 * True when the text does not parse. Rewrites are computed from the syntax tree; on half-typed code the parser's
 * recovery can glue unrelated code into a call, so fixes wait until the file parses (like ESLint's).
 */
export function hasSyntaxErrors(text: string, languageId: ScriptLanguage, fileName?: string): boolean {
  return treeHasSyntaxErrors(parseScript(text, languageId, fileName));
}

/** True when the parser reported errors for this tree. */
export function treeHasSyntaxErrors(sourceFile: ts.SourceFile): boolean {
  // `parseDiagnostics` is internal to TypeScript but has been on every SourceFile since 1.x.
  return ((sourceFile as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.length ?? 0) > 0;
}

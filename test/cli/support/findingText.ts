/** The source text a 1-based, end-exclusive line/column range covers (single-line ranges only). */
export function textAt(source: string, finding: { line: number; column: number; endLine: number; endColumn: number }): string {
  if (finding.line !== finding.endLine) throw new Error('textAt expects a single-line range');
  const line = source.replace(/^\uFEFF/, '').split(/\r?\n/)[finding.line - 1] ?? '';
  return line.slice(finding.column - 1, finding.endColumn - 1);
}

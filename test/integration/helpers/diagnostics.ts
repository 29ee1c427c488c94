import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export const SOURCE = 'bedrock-to-sagemaker';

/** A finding as the tests state it: rule id, severity and [startLine, startCol, endLine, endCol] (0-based). */
export interface ExpectedFinding {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  range: [number, number, number, number];
}

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, ExpectedFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The rule id, whether the server sends `code` as a string or as `{ value, target }` (docs link). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describe(diagnostic: vscode.Diagnostic): string {
  const r = diagnostic.range;
  return `${ruleOf(diagnostic)} ${SEVERITY_NAMES[diagnostic.severity]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function describeAll(uri: vscode.Uri): string {
  return JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.source}: ${describe(d)} ${d.message}`), null, 1);
}

/** Waits until our diagnostics for `uri` satisfy `predicate` (checked on every diagnostics change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} in ${vscode.workspace.asRelativePath(uri)}`, () => {
    const diagnostics = ours(uri);
    return predicate(diagnostics) ? diagnostics : undefined;
  }, { events: [vscode.languages.onDidChangeDiagnostics], timeoutMs, describe: () => describeAll(uri) });
}

/** Exactly the expected findings (rule, severity, range), no more, no fewer: duplicates would be a bug too. */
export function assertFindings(actual: vscode.Diagnostic[], expected: ExpectedFinding[]): void {
  const key = (f: ExpectedFinding) => `${f.rule} ${f.severity} ${f.range[0]}:${f.range[1]}-${f.range[2]}:${f.range[3]}`;
  assert.deepStrictEqual(actual.map(describe).sort(), expected.map(key).sort());
  for (const diagnostic of actual) {
    assert.strictEqual(diagnostic.source, SOURCE);
    assert.ok(diagnostic.message.trim().length > 0, `${describe(diagnostic)} has a message`);
  }
}

export function matchesCount(count: number) {
  return (diagnostics: vscode.Diagnostic[]) => diagnostics.length === count;
}

const OTHER_REGION: Record<string, string> = { 'cn-north-1': 'cn-northwest-1', 'cn-northwest-1': 'cn-north-1' };

/** True when every message names `region` and none names the other China region. */
export function allNameRegion(region: string) {
  return (diagnostics: vscode.Diagnostic[]) => diagnostics.length > 0
    && diagnostics.every((d) => d.message.includes(region) && !d.message.includes(OTHER_REGION[region]));
}

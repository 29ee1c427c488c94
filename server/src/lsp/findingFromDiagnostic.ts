import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../engine/rules';
import type { Category, Finding, FindingData, RuleId, Severity } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../../shared/protocol';
import { toOffsetRange } from './offsets';

const KNOWN_RULES = new Set<string>(allRules().map((rule) => rule.id));

const SEVERITY: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Our own diagnostic for a finding (not another extension's, not a "file skipped" note). */
export function isFindingDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: DiagnosticData } {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof data?.ruleId === 'string' && KNOWN_RULES.has(data.ruleId);
}

/**
 * Rebuilds the engine finding a diagnostic was made from, using only what the diagnostic carries: fixes are
 * computed statelessly, never from a server-side cache. Undefined when the diagnostic was computed for
 * another version of the document (its range no longer points at the same text).
 */
export function findingFromDiagnostic(diagnostic: Diagnostic & { data: DiagnosticData }, document: TextDocument): Finding | undefined {
  const { category, equivalent, fixable, version, ...findingData } = diagnostic.data;
  if (version !== document.version) return undefined;
  return {
    ruleId: diagnostic.data.ruleId as RuleId,
    range: toOffsetRange(document, diagnostic.range),
    severity: SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Warning] ?? 'warning',
    category: category as Category,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    equivalent,
    fixable,
    data: findingData as FindingData,
  };
}

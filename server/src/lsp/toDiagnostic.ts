import * as l10n from '@vscode/l10n';
import { type Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../engine/rules';
import { ObjectCache } from '../engine/objectCache';
import type { AnalyzeResult, Finding, FindingData, RuleId, Severity } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../../shared/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The diagnostic of a finding. Nothing in it depends on the document version, only on the text: a keystroke that
 * leaves a finding's line/character range, message and data alone leaves its diagnostic identical, so the report
 * can be "unchanged" (diagnosticReports.ts). Code actions find the finding again by comparing (currentFinding.ts).
 */
export function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  return toDiagnosticAt(finding, document.positionAt(finding.range.start), document.positionAt(finding.range.end));
}

function toDiagnosticAt(finding: Finding, start: Position, end: Position): Diagnostic {
  return {
    range: { start, end },
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: codeDescriptionOf(finding.ruleId),
    message: finding.message,
    data: diagnosticDataOf(finding),
  };
}

/**
 * Per finding data object, the diagnostic data last made of it. A finding that a keystroke kept, or only moved, keeps
 * its data object, so its diagnostic data is the same object as in the last report and compares at once (issue #13:
 * the comparison runs on every pull, over every diagnostic).
 */
const diagnosticData = new ObjectCache<FindingData, DiagnosticData>('diagnosticData', 'findingData');

export function diagnosticDataOf(finding: Finding): DiagnosticData {
  const cached = diagnosticData.get(finding.data);
  if (cached && cached.ruleId === finding.ruleId && cached.category === finding.category && cached.equivalent === finding.equivalent
    && cached.fixable === finding.fixable) return cached;
  const data: DiagnosticData = { ...finding.data, ruleId: finding.ruleId, category: finding.category, equivalent: finding.equivalent, fixable: finding.fixable };
  if (Object.isExtensible(finding.data)) diagnosticData.set(finding.data, data);
  return data;
}

const codeDescriptions = new Map<string, { href: string }>();

function codeDescriptionOf(ruleId: RuleId): { href: string } {
  let description = codeDescriptions.get(ruleId);
  if (!description) codeDescriptions.set(ruleId, (description = { href: ruleDocUrl(ruleId) }));
  return description;
}

/** A document the engine could not analyse gets one Information diagnostic at 0:0 saying why. */
export function skippedDiagnostic(skipped: NonNullable<AnalyzeResult['skipped']>): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: `skipped/${skipped.reason}`,
    message: l10n.t('Bedrock to SageMaker did not analyse this file. {0}', skipped.message),
    data: { skipped: skipped.reason },
  };
}

/**
 * The diagnostics of a result. `previous`: the document's last report; a finding whose diagnostic would equal the one
 * at its index there gets that object itself, so a keystroke makes no new diagnostic for the findings it left alone
 * (issue #13: 170 of them per keystroke at 10,000 lines), and comparing the report with the last one finds them equal
 * at once.
 */
export function toDiagnostics(result: AnalyzeResult, document: TextDocument, previous: readonly Diagnostic[] = []): Diagnostic[] {
  if (result.skipped) return result.skipped.reason === 'cancelled' ? [] : [skippedDiagnostic(result.skipped)];
  // Pushed, not mapped: one hidden class whether this runs optimised or not (an optimised Array.prototype.map makes a holey array, the builtin a packed one), for
  // sameDiagnostics, which compares them with the last report's (issue #13: its optimised code was thrown away).
  const diagnostics: Diagnostic[] = [];
  const findings = result.findings;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    const start = document.positionAt(finding.range.start);
    const end = document.positionAt(finding.range.end);
    const kept = i < previous.length ? previous[i] : undefined;
    diagnostics.push(kept !== undefined && isDiagnosticOf(kept, finding, start, end) ? kept : toDiagnosticAt(finding, start, end));
  }
  return diagnostics;
}

/** Whether `diagnostic` is what toDiagnostic makes of `finding` at these positions: every field it sets, equal. */
function isDiagnosticOf(diagnostic: Diagnostic, finding: Finding, start: Position, end: Position): boolean {
  const { range } = diagnostic;
  return range.start.line === start.line && range.start.character === start.character && range.end.line === end.line
    && range.end.character === end.character && diagnostic.severity === SEVERITY[finding.severity] && diagnostic.source === DIAGNOSTIC_SOURCE
    && diagnostic.code === finding.ruleId && diagnostic.codeDescription === codeDescriptionOf(finding.ruleId)
    && diagnostic.message === finding.message && diagnostic.data === diagnosticDataOf(finding);
}

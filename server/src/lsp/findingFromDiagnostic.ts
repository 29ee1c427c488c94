import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../engine/rules';
import type { Finding } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../../shared/protocol';
import { toLspRange, toOffsetRange } from './offsets';
import { sameJson } from './sameJson';
import { diagnosticDataOf } from './toDiagnostic';

const KNOWN_RULES = new Set<string>(allRules().map((rule) => rule.id));

/** Our own diagnostic for a finding (not another extension's, not a "file skipped" note, not an endpoint check). */
export function isFindingDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: DiagnosticData } {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof data?.ruleId === 'string' && KNOWN_RULES.has(data.ruleId);
}

/**
 * The finding of the current analysis that a diagnostic from the client shows: same rule, same line/character
 * range in the current text, same message and same data. Diagnostics carry no version (the client keeps them across
 * "unchanged" reports), so this comparison is what keeps a fix computed for other text from being applied: a
 * diagnostic of an older version whose range now covers other text, or whose finding now says something else, has
 * no match, and gets no fix until the client has the fresh report. Two findings that both match are the same to the
 * fix engine (same rule, range and data), so the first one is taken.
 */
export function findingFromDiagnostic(
  diagnostic: Diagnostic & { data: DiagnosticData }, findings: readonly Finding[], document: TextDocument,
): Finding | undefined {
  const offsets = toOffsetRange(document, diagnostic.range);
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : undefined;
  return findings.find((finding) => finding.ruleId === diagnostic.data.ruleId
    && finding.range.start === offsets.start && finding.range.end === offsets.end
    // Offsets clamp a position past the end of its line: only the exact range the finding has now matches.
    && sameJson(toLspRange(document, finding.range), diagnostic.range)
    && finding.message === message && sameJson(diagnosticDataOf(finding), diagnostic.data));
}

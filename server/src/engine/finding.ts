import { ruleMeta } from './rules';
import type { Category, EngineSettings, Finding, FindingData, OffsetRange, RuleId } from './types';

export interface FindingDraft {
  ruleId: RuleId;
  range: OffsetRange;
  message: string;
  data?: FindingData;
  fixable?: boolean;
  /** Overrides the rule's default category for this finding. */
  category?: Category;
  /** Overrides the rule's default equivalent text for this finding. */
  equivalent?: string;
}

/** Completes a detector's draft with rule metadata and the user's severity override; undefined when the rule is off. */
export function createFinding(draft: FindingDraft, settings: EngineSettings): Finding | undefined {
  const rule = ruleMeta(draft.ruleId);
  const override = settings.rules[draft.ruleId];
  if (override === 'off') return undefined;
  return {
    ruleId: draft.ruleId,
    range: draft.range,
    severity: override ?? rule.defaultSeverity,
    category: draft.category ?? rule.category,
    message: draft.message,
    equivalent: draft.equivalent ?? rule.equivalent(),
    fixable: draft.fixable ?? false,
    data: { ruleId: draft.ruleId, ...(draft.data ?? {}) },
  };
}

/**
 * A copy of a finding with some fields replaced, made as `createFinding` makes one: a literal with every field, in
 * that order. A spread (`{ ...finding, range }`) made an object of another hidden class than `createFinding`'s (and
 * another again when the finding held cached values, objectCache.ts), so the typing path's optimised code, which reads
 * the findings of both, met classes it had not seen and was thrown away (issue #13).
 */
export function findingWith(finding: Finding, changes: Partial<Finding>): Finding {
  return {
    ruleId: changes.ruleId ?? finding.ruleId,
    range: changes.range ?? finding.range,
    severity: changes.severity ?? finding.severity,
    category: changes.category ?? finding.category,
    message: changes.message ?? finding.message,
    equivalent: changes.equivalent ?? finding.equivalent,
    fixable: changes.fixable ?? finding.fixable,
    data: changes.data ?? finding.data,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}

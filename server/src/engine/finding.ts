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

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}

// The feasibility level, by the rules in docs/report.md ("Feasibility"). First matching rule wins.
import type { RuleId } from '../engine/types';
import type { FeasibilityAssessment, FeasibilityReason } from './types';

/** The counts the level depends on, gathered by the collector. */
export interface FeasibilityFacts {
  autoFixable: number;
  /** Findings in the "manual" bucket (an equivalent exists, a person must apply it). */
  manual: number;
  /** "No equivalent" findings in runtime code: core dependencies that cannot move as they are. */
  coreNoEquivalent: { findings: number; files: number; rules: readonly RuleId[] };
  /** "No equivalent" findings only in documents or tests. */
  otherNoEquivalent: number;
  /** Files that could hold Bedrock use but were not analysed (too large, too complex, unreadable). */
  unverifiedFiles: number;
}

export function assessFeasibility(facts: FeasibilityFacts): FeasibilityAssessment {
  const medium = mediumReasons(facts);
  if (facts.coreNoEquivalent.findings > 0) {
    const { findings, files, rules } = facts.coreNoEquivalent;
    return { level: 'LOW', reasons: [{ kind: 'core-no-equivalent', findings, files, rules: [...rules] }, ...medium] };
  }
  if (medium.length > 0) return { level: 'MEDIUM', reasons: medium };
  if (facts.autoFixable > 0) return { level: 'HIGH', reasons: [{ kind: 'all-auto-fixable', findings: facts.autoFixable }] };
  return { level: 'HIGH', reasons: [{ kind: 'nothing-found' }] };
}

function mediumReasons(facts: FeasibilityFacts): FeasibilityReason[] {
  const reasons: FeasibilityReason[] = [];
  if (facts.manual > 0) reasons.push({ kind: 'manual-steps', findings: facts.manual });
  if (facts.otherNoEquivalent > 0) reasons.push({ kind: 'no-equivalent-outside-runtime', findings: facts.otherNoEquivalent });
  if (facts.unverifiedFiles > 0) reasons.push({ kind: 'unverified-files', files: facts.unverifiedFiles });
  return reasons;
}

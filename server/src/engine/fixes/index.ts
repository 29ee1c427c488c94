import type { AnalyzeInput, Finding } from '../types';
import type { FixProposal } from './types';

/** Fixes offered for one finding. Placeholder until the quick-fix issue lands: no fix yet. */
export function fixesForFinding(_input: AnalyzeInput, _finding: Finding): FixProposal[] {
  return [];
}

/** Every safe fix in the document merged into one proposal, or undefined when there is nothing to fix. */
export function fixAll(_input: AnalyzeInput, _findings: readonly Finding[]): FixProposal | undefined {
  return undefined;
}

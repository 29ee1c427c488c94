import { fixAll, fixesForFinding, type FixInput } from './fixes';
import type { FixProposal } from './fixes/types';
import { markdownFixAll, markdownFixesForFinding } from './markdown/fixes';
import type { Finding } from './types';

// One entry point for fixes in any document the engine analyses: Markdown documents get their own fixes
// (Python, shell, front matter) and the TypeScript rewrites mapped into their ts/js fences.

export function documentFixesForFinding(input: FixInput, finding: Finding): FixProposal[] {
  return input.languageId === 'markdown' ? markdownFixesForFinding(input, finding, fixesForFinding) : fixesForFinding(input, finding);
}

export function documentFixAll(input: FixInput, findings: readonly Finding[]): FixProposal | undefined {
  return input.languageId === 'markdown' ? markdownFixAll(input, findings, fixesForFinding) : fixAll(input, findings);
}

import { fixAll, fixesForFinding, type FixInput } from './fixes';
import type { FixProposal } from './fixTypes';
import { markdownFixAll, markdownFixesForFinding } from './markdown/fixes';
import { packageJsonFixAll, packageJsonFixesForFinding } from './packageJson/packageJsonFixes';
import type { Finding } from './types';

// One entry point for fixes in any document the engine analyses: Markdown documents get their own fixes
// (Python, shell, front matter) and the TypeScript rewrites mapped into their ts/js fences; a package.json gets
// the SageMaker Runtime dependency (adding only: removals need the whole project, see planDependencyFix).

export function documentFixesForFinding(input: FixInput, finding: Finding): FixProposal[] {
  if (input.languageId === 'json') return packageJsonFixesForFinding(input, finding);
  return input.languageId === 'markdown' ? markdownFixesForFinding(input, finding, fixesForFinding) : fixesForFinding(input, finding);
}

export function documentFixAll(input: FixInput, findings: readonly Finding[]): FixProposal | undefined {
  if (input.languageId === 'json') return packageJsonFixAll(input, findings);
  return input.languageId === 'markdown' ? markdownFixAll(input, findings, fixesForFinding) : fixAll(input, findings);
}

import * as l10n from '@vscode/l10n';
import type { FixProposal } from '../fixTypes';
import type { AnalyzeInput, Finding } from '../types';
import { SAGEMAKER_RUNTIME_PACKAGE } from '../catalog/bedrockDependency';
import { dependencyEdits } from './dependencyEdits';
import { servingRules } from '../servesRules';

// Fixes of one package.json document. Without the rest of the project only the addition is safe: removing a
// Bedrock package is the workspace migration's call (planDependencyFix).

export const packageJsonFixesForFinding = servingRules(['bedrock/dependency'], function packageJsonFixesForFinding(input: AnalyzeInput, finding: Finding): FixProposal[] {
  const fix = finding.ruleId === 'bedrock/dependency' && finding.fixable ? addSageMakerRuntime(input.text) : undefined;
  return fix ? [{ ...fix, isPreferred: true }] : [];
});

export function packageJsonFixAll(input: AnalyzeInput, findings: readonly Finding[]): FixProposal | undefined {
  return findings.some((finding) => finding.ruleId === 'bedrock/dependency' && finding.fixable) ? addSageMakerRuntime(input.text) : undefined;
}

function addSageMakerRuntime(text: string): FixProposal | undefined {
  const edits = dependencyEdits(text, { addSageMakerRuntime: true, removable: [] });
  return edits.length > 0 ? { title: l10n.t('Add {0}', SAGEMAKER_RUNTIME_PACKAGE), edits, kind: 'quickfix' } : undefined;
}

import * as l10n from '@vscode/l10n';
import { packageNameOf } from '../catalog/packages';
import { isFileMigrationFinding, notFixed } from '../fixes';
import { BEDROCK_RUNTIME_PACKAGE, planDependencyFix } from '../packageJson';
import type { Finding } from '../types';
import { packageImportsOf } from './localImports';

const SAGEMAKER_RUNTIME_PACKAGE = '@aws-sdk/client-sagemaker-runtime';

/**
 * The packages a script file will import once the migration ran, from its text and its (refined) findings: a
 * file whose Bedrock Runtime migration is fixable trades the Bedrock Runtime client for SageMaker Runtime.
 */
export function importsAfterMigration(text: string, findings: readonly Finding[]): string[] {
  const imports = packageImportsOf(text);
  const migration = findings.filter(isFileMigrationFinding);
  if (migration.length === 0 || !migration.every((finding) => finding.fixable)) return imports;
  return [...imports.filter((specifier) => packageNameOf(specifier) !== BEDROCK_RUNTIME_PACKAGE), SAGEMAKER_RUNTIME_PACKAGE];
}

/**
 * A package.json's `bedrock/dependency` findings, `fixable` exactly when the migration's dependency edits change
 * them: a Bedrock package nothing imports any more is removed; the Bedrock Runtime client's entry gets the
 * SageMaker Runtime client beside it when migrated code imports that. The others say why they stay.
 */
export function dependencyFixability(packageJsonText: string, findings: readonly Finding[], imports: ReadonlySet<string>): Finding[] {
  const plan = planDependencyFix(packageJsonText, imports);
  const removed = new Set(plan.removed.map((entry) => entry.keyRange.start));
  return findings.map((finding) => {
    if (finding.ruleId !== 'bedrock/dependency') return finding;
    const fixed = removed.has(finding.range.start) || (plan.addsSageMakerRuntime && finding.data.module === BEDROCK_RUNTIME_PACKAGE);
    if (fixed) return { ...finding, fixable: true };
    const reason = l10n.t("code of this package still imports '{0}'", String(finding.data.module));
    return finding.fixable ? notFixed(finding, reason) : finding;
  });
}

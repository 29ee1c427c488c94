import * as l10n from '@vscode/l10n';
import { packageNameOf } from '../catalog/packages';
import { isFileMigrationFinding, notFixed } from '../fixes';
import { MIGRATED_PACKAGES, SAGEMAKER_RUNTIME_PACKAGE, planDependencyFix } from '../packageJson';
import type { Finding } from '../types';
import { WRAPPER_MODULE_IMPORTS } from '../packageJson/planDependencyFix';
import { importsAfterLangChainMigration, langChainWillMigrate } from './langChainMigration';
import { packageImportsOf } from './localImports';

/**
 * The packages a script file will import once the migration ran, from its text and its (refined) findings: a
 * file whose Bedrock Runtime migration is fixable trades the Bedrock Runtime client (and the AI SDK's Bedrock
 * provider) for SageMaker Runtime.
 */
export function importsAfterMigration(text: string, findings: readonly Finding[], importsNow: readonly string[] = packageImportsOf(text)): string[] {
  let imports = [...importsNow];
  if (langChainWillMigrate(findings)) imports = importsAfterLangChainMigration(text, imports);
  if (!willMigrate(findings)) return imports;
  return [...imports.filter((specifier) => !MIGRATED_PACKAGES.includes(packageNameOf(specifier))), SAGEMAKER_RUNTIME_PACKAGE];
}

/** A migrated file's package imports before and after the migration (what its package.json must list moves between them). */
export interface MigratedImports {
  /** The package specifiers the file imports before the migration. */
  before: readonly string[];
  /** What it imports once migrated. */
  after: readonly string[];
}

/** The package specifiers a file imports now and, from its (refined) findings, once migrated. */
export function migratedImportsOf(text: string, findings: readonly Finding[]): MigratedImports {
  const before = packageImportsOf(text);
  return { before, after: importsAfterMigration(text, findings, before) };
}

/** Fix-all moves this file from Bedrock Runtime to SageMaker Runtime: it has migration findings, all fixable. */
export function willMigrate(findings: readonly Finding[]): boolean {
  const migration = findings.filter(isFileMigrationFinding);
  return migration.length > 0 && migration.every((finding) => finding.fixable);
}

/** Fix-all changes this file's dependencies: its Bedrock Runtime migration or its LangChain chat model migration. */
export function migratesDependencies(findings: readonly Finding[]): boolean {
  return willMigrate(findings) || langChainWillMigrate(findings);
}

/**
 * The package specifiers a file fix-all rewrote imports, with those of the modules it wrote for it (the AI SDK
 * provider and the Converse adapter import SageMaker Runtime; the LangChain chat model also `@langchain/core`).
 */
export function importsOfFixedFile(fixedText: string, findings: readonly Finding[]): string[] {
  const imports = packageImportsOf(fixedText);
  if (langChainWillMigrate(findings)) imports.push(...WRAPPER_MODULE_IMPORTS);
  if (willMigrate(findings)) imports.push(SAGEMAKER_RUNTIME_PACKAGE);
  return imports;
}

/**
 * A package.json's `bedrock/dependency` findings, `fixable` exactly when the migration's dependency edits change
 * them: a Bedrock package nothing imports any more is removed; the Bedrock Runtime client's entry gets the
 * SageMaker Runtime client beside it when migrated code imports that. The others say why they stay. Without
 * `imports` no code of the package is migrated, and its package.json is left alone.
 */
export function dependencyFixability(packageJsonText: string, findings: readonly Finding[], imports: ReadonlySet<string> | undefined): Finding[] {
  if (!imports) return findings.map((finding) => (finding.fixable ? notFixed(finding, l10n.t('no code of this package is migrated, so its dependencies stay as they are')) : finding));
  const plan = planDependencyFix(packageJsonText, imports);
  const removed = new Set(plan.removed.map((entry) => entry.keyRange.start));
  return findings.map((finding) => {
    if (finding.ruleId !== 'bedrock/dependency') return finding;
    // Only a removal makes the finding go: a Bedrock package that stays (still imported) is still reported, even
    // when the SageMaker Runtime client is added beside it for the migrated code.
    if (removed.has(finding.range.start)) return { ...finding, fixable: true };
    const reason = l10n.t("code of this package still imports '{0}'", String(finding.data.module));
    return finding.fixable ? notFixed(finding, reason) : finding;
  });
}

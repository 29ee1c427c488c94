import * as l10n from '@vscode/l10n';
import { createFinding, type FindingDraft } from '../finding';
import { ruleMeta, withoutNonePrefix } from '../rules';
import type { EngineSettings, Finding } from '../types';
import { SAGEMAKER_RUNTIME_PACKAGE, bedrockDependency } from '../catalog/bedrockDependency';
import type { DependencyEntry, PackageJsonDependencies } from './dependencySections';
import { sectionsMissingSageMakerRuntime } from './sageMakerTargets';
import { servingRules } from '../servesRules';

/**
 * `bedrock/dependency`: one finding per Bedrock package listed in a dependency section, on its key. Only the
 * runtime client is fixable, and only while the SageMaker Runtime client is missing: the fix adds it. Removing a
 * Bedrock package needs to know that no file imports it any more, which one package.json cannot tell.
 */
export const detectDependencies = servingRules(['bedrock/dependency'], function detectDependencies(dependencies: PackageJsonDependencies, settings: EngineSettings): Finding[] {
  const needsSageMaker = new Set(sectionsMissingSageMakerRuntime(dependencies).map((section) => section.section));
  const findings: Finding[] = [];
  for (const entry of dependencies.sections.flatMap((section) => section.entries)) {
    const draft = draftFor(entry, needsSageMaker.has(entry.section), settings);
    const finding = draft && createFinding(draft, settings);
    if (finding) findings.push(finding);
  }
  return findings;
});

function draftFor(entry: DependencyEntry, sageMakerMissing: boolean, settings: EngineSettings): FindingDraft | undefined {
  const dependency = bedrockDependency(entry.name);
  if (!dependency) return undefined;
  const region = settings.targetRegion;
  const base = { ruleId: 'bedrock/dependency' as const, range: entry.keyRange };
  if (dependency.kind === 'wrapper') {
    const alternative = ruleMeta(dependency.rule).equivalent();
    return {
      ...base, category: 'manual', equivalent: alternative,
      message: l10n.t("'{0}' reaches Amazon Bedrock, which is not available in {1}. Alternative: {2}.", entry.name, region, withoutNonePrefix(alternative)),
      data: { module: entry.name, section: entry.section, library: dependency.library },
    };
  }
  const data = { module: entry.name, section: entry.section, service: dependency.service };
  if (dependency.service !== 'runtime') {
    const alternative = ruleMeta(dependency.rule).equivalent();
    return {
      ...base, category: 'no-equivalent', equivalent: alternative, data,
      message: l10n.t("'{0}' is an Amazon Bedrock service that does not exist in {1}. Alternative: {2}.", entry.name, region, withoutNonePrefix(alternative)),
    };
  }
  return {
    ...base, category: 'has-equivalent', equivalent: SAGEMAKER_RUNTIME_PACKAGE, fixable: sageMakerMissing, data,
    message: sageMakerMissing
      ? l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Add '{2}' for the migrated code, and remove '{0}' once no file imports it.", entry.name, region, SAGEMAKER_RUNTIME_PACKAGE)
      : l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Remove it once no file imports it ('{2}' is already listed).", entry.name, region, SAGEMAKER_RUNTIME_PACKAGE),
  };
}

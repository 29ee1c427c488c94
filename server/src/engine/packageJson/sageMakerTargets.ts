import { MIGRATED_PACKAGES, SAGEMAKER_RUNTIME_PACKAGE } from './bedrockPackages';
import type { DependencyEntry, PackageJsonDependencies, SectionObject } from './dependencySections';

/**
 * The sections that should get `@aws-sdk/client-sagemaker-runtime`: each one that lists a package the migration
 * replaces with it (the Bedrock runtime client, the AI SDK's Bedrock provider), unless it already lists the SageMaker
 * client, or `dependencies` does (installed in every case).
 */
export function sectionsMissingSageMakerRuntime(dependencies: PackageJsonDependencies): SectionObject[] {
  const lists = (section: SectionObject | undefined, name: string) => section?.entries.some((entry) => entry.name === name) ?? false;
  const main = dependencies.sections.find((section) => section.section === 'dependencies');
  if (lists(main, SAGEMAKER_RUNTIME_PACKAGE)) return [];
  return dependencies.sections.filter((section) => sageMakerRuntimeAnchor(section) !== undefined && !lists(section, SAGEMAKER_RUNTIME_PACKAGE));
}

/** The entry of a section the SageMaker Runtime client goes next to: the first package the migration replaces. */
export function sageMakerRuntimeAnchor(section: SectionObject): DependencyEntry | undefined {
  for (const name of MIGRATED_PACKAGES) {
    const entry = section.entries.find((candidate) => candidate.name === name);
    if (entry) return entry;
  }
  return undefined;
}

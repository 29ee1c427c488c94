import { MIGRATED_PACKAGES, SAGEMAKER_RUNTIME_PACKAGE, bedrockDependency } from '../catalog/bedrockDependency';
import type { DependencyEntry, PackageJsonDependencies, SectionObject } from './dependencySections';

/**
 * The sections that should get `@aws-sdk/client-sagemaker-runtime`: each one that lists a package the migration
 * replaces with it (the Bedrock runtime client, the AI SDK's Bedrock provider), unless it already lists the SageMaker
 * client, or `dependencies` does (installed in every case).
 */
export function sectionsMissingSageMakerRuntime(dependencies: PackageJsonDependencies): SectionObject[] {
  return sectionsMissing(dependencies, SAGEMAKER_RUNTIME_PACKAGE, (name) => MIGRATED_PACKAGES.includes(name));
}

/** The entry of a section the SageMaker Runtime client goes next to: the first package the migration replaces. */
export function sageMakerRuntimeAnchor(section: SectionObject): DependencyEntry | undefined {
  for (const name of MIGRATED_PACKAGES) {
    const entry = section.entries.find((candidate) => candidate.name === name);
    if (entry) return entry;
  }
  return undefined;
}

/**
 * The sections where migrated wrapper code (a LangChain chat model moved to the module the fix writes) needs
 * `name`: each one that lists a Bedrock wrapper package, unless `name` is already listed there or in `dependencies`.
 */
export function sectionsMissingForWrappers(dependencies: PackageJsonDependencies, name: string): SectionObject[] {
  return sectionsMissing(dependencies, name, isWrapperPackage);
}

export function isWrapperPackage(name: string): boolean {
  return bedrockDependency(name)?.kind === 'wrapper';
}

function sectionsMissing(dependencies: PackageJsonDependencies, name: string, isAnchor: (entryName: string) => boolean): SectionObject[] {
  const lists = (section: SectionObject | undefined, wanted: string) => section?.entries.some((entry) => entry.name === wanted) ?? false;
  const main = dependencies.sections.find((section) => section.section === 'dependencies');
  if (lists(main, name)) return [];
  return dependencies.sections.filter((section) => section.entries.some((entry) => isAnchor(entry.name)) && !lists(section, name));
}

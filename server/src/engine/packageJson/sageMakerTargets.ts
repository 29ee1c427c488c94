import { BEDROCK_RUNTIME_PACKAGE, SAGEMAKER_RUNTIME_PACKAGE } from '../catalog/bedrockDependency';
import type { PackageJsonDependencies, SectionObject } from './dependencySections';

/**
 * The sections that should get `@aws-sdk/client-sagemaker-runtime`: each one that lists the Bedrock runtime
 * client, unless it already lists the SageMaker client, or `dependencies` does (installed in every case).
 */
export function sectionsMissingSageMakerRuntime(dependencies: PackageJsonDependencies): SectionObject[] {
  const lists = (section: SectionObject | undefined, name: string) => section?.entries.some((entry) => entry.name === name) ?? false;
  const main = dependencies.sections.find((section) => section.section === 'dependencies');
  if (lists(main, SAGEMAKER_RUNTIME_PACKAGE)) return [];
  return dependencies.sections.filter((section) => lists(section, BEDROCK_RUNTIME_PACKAGE) && !lists(section, SAGEMAKER_RUNTIME_PACKAGE));
}

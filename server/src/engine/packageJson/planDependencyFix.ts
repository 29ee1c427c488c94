import { packageNameOf } from '../catalog/packages';
import type { TextEdit } from '../fixTypes';
import { SAGEMAKER_RUNTIME_PACKAGE, bedrockDependency } from '../catalog/bedrockDependency';
import { dependencyEdits } from './dependencyEdits';
import { type DependencyEntry, readDependencySections } from './dependencySections';
import { sectionsMissingForWrappers, sectionsMissingSageMakerRuntime } from './sageMakerTargets';

export interface DependencyFixPlan {
  /** Minimal edits of the package.json text; empty when nothing changes. */
  edits: TextEdit[];
  /** True when the edits add `@aws-sdk/client-sagemaker-runtime` (to each section that lists the Bedrock runtime client). */
  addsSageMakerRuntime: boolean;
  /** Bedrock entries the edits remove: their `bedrock/dependency` findings (same `keyRange`) are fixed. */
  removed: DependencyEntry[];
  /** Bedrock entries left because a file still imports them: their findings stay. */
  kept: DependencyEntry[];
  /** Packages the edits add beside a Bedrock wrapper package for the modules migrated wrapper code imports. */
  addedForWrappers: string[];
}

/** What the module written for migrated LangChain code imports. */
export const WRAPPER_MODULE_IMPORTS: readonly string[] = [SAGEMAKER_RUNTIME_PACKAGE, '@langchain/core'];

/**
 * The package.json side of a workspace migration, for a caller that knows every module specifier the package's
 * files import once the migration is applied (created files such as the Converse adapter included). A Bedrock
 * package no file imports is removed; the SageMaker Runtime client is added beside the Bedrock runtime client
 * when some file imports it. Specifiers may be deep imports (`pkg/sub/path`): they count for their package.
 */
export function planDependencyFix(packageJsonText: string, importsAfterMigration: ReadonlySet<string>): DependencyFixPlan {
  const dependencies = readDependencySections(packageJsonText);
  if (!dependencies) return { edits: [], addsSageMakerRuntime: false, removed: [], kept: [], addedForWrappers: [] };
  const imported = new Set([...importsAfterMigration].map(packageNameOf));
  const bedrockEntries = dependencies.sections.flatMap((section) => section.entries).filter((entry) => bedrockDependency(entry.name));
  const removed = bedrockEntries.filter((entry) => !imported.has(entry.name));
  const kept = bedrockEntries.filter((entry) => imported.has(entry.name));
  const addsSageMakerRuntime = imported.has(SAGEMAKER_RUNTIME_PACKAGE) && sectionsMissingSageMakerRuntime(dependencies).length > 0;
  // Only when the Bedrock runtime client gets no SageMaker client beside it: one addition per package is enough.
  const addedForWrappers = WRAPPER_MODULE_IMPORTS.filter((name) => imported.has(name) && !(name === SAGEMAKER_RUNTIME_PACKAGE && addsSageMakerRuntime)
    && sectionsMissingForWrappers(dependencies, name).length > 0);
  const edits = dependencyEdits(packageJsonText, {
    addSageMakerRuntime: addsSageMakerRuntime,
    removable: [...new Set(removed.map((entry) => entry.name))],
    wrapperNeeds: addedForWrappers,
  });
  return { edits, addsSageMakerRuntime, removed, kept, addedForWrappers };
}

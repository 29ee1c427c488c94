import { packageNameOf } from '../catalog/packages';
import type { TextEdit } from '../fixTypes';
import { SAGEMAKER_RUNTIME_PACKAGE, bedrockDependency } from '../catalog/bedrockDependency';
import { dependencyEdits } from './dependencyEdits';
import { type DependencyEntry, readDependencySections } from './dependencySections';
import { sectionsMissingSageMakerRuntime } from './sageMakerTargets';

export interface DependencyFixPlan {
  /** Minimal edits of the package.json text; empty when nothing changes. */
  edits: TextEdit[];
  /** True when the edits add `@aws-sdk/client-sagemaker-runtime` (to each section that lists the Bedrock runtime client). */
  addsSageMakerRuntime: boolean;
  /** Bedrock entries the edits remove: their `bedrock/dependency` findings (same `keyRange`) are fixed. */
  removed: DependencyEntry[];
  /** Bedrock entries left because a file still imports them: their findings stay. */
  kept: DependencyEntry[];
}

/**
 * The package.json side of a workspace migration, for a caller that knows every module specifier the package's
 * files import once the migration is applied (created files such as the Converse adapter included). A Bedrock
 * package no file imports is removed; the SageMaker Runtime client is added beside the Bedrock runtime client
 * when some file imports it. Specifiers may be deep imports (`pkg/sub/path`): they count for their package.
 */
export function planDependencyFix(packageJsonText: string, importsAfterMigration: ReadonlySet<string>): DependencyFixPlan {
  const dependencies = readDependencySections(packageJsonText);
  if (!dependencies) return { edits: [], addsSageMakerRuntime: false, removed: [], kept: [] };
  const imported = new Set([...importsAfterMigration].map(packageNameOf));
  const bedrockEntries = dependencies.sections.flatMap((section) => section.entries).filter((entry) => bedrockDependency(entry.name));
  const removed = bedrockEntries.filter((entry) => !imported.has(entry.name));
  const kept = bedrockEntries.filter((entry) => imported.has(entry.name));
  const addsSageMakerRuntime = imported.has(SAGEMAKER_RUNTIME_PACKAGE) && sectionsMissingSageMakerRuntime(dependencies).length > 0;
  const edits = dependencyEdits(packageJsonText, {
    addSageMakerRuntime: addsSageMakerRuntime,
    removable: [...new Set(removed.map((entry) => entry.name))],
  });
  return { edits, addsSageMakerRuntime, removed, kept };
}

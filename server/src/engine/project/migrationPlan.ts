import type { TextEdit } from '../fixTypes';
import { planDependencyFix } from '../packageJson';
import type { Finding } from '../types';
import { dependencyFixability, importsAfterMigration, migratesDependencies } from './dependencyMigration';
import { packageImportsOf } from './localImports';
import { type ScriptImports, dependencyNeeds } from './dependencyNeeds';
import { underAny } from './dependencyProviders';
import { heldBackFiles, holdBack } from './migrationGroups';

/**
 * One migration plan for `scan --fix` and Migrate Workspace: transport-free and pure (texts in, decisions out).
 *
 * - Script files that exchange Bedrock clients or types with a file that cannot be migrated are held back with it.
 * - A package whose code the migration changes gets its package.json edits from `planDependencyFix`, with the
 *   imports its files will have once migrated (a file that migrates imports SageMaker Runtime instead of Bedrock
 *   Runtime); the package.json of a package whose code does not change is left alone.
 * - An import counts for the package.json that provides it (the nearest one upwards that lists it, e.g. a
 *   monorepo's root); SageMaker Runtime goes where the Bedrock package it replaces is listed (dependencyNeeds.ts).
 * - `fixable` on each package.json finding says exactly what those edits do.
 */
export interface PlanScript {
  /** Workspace-relative, `/` separators. */
  path: string;
  /** Workspace-relative folder of the file's package (nearest package.json), `''` for the workspace root. */
  packageRoot: string;
  text: string;
  /** The package specifiers the file imports now, when the caller has them (else read from `text`). */
  imports?: readonly string[];
  /** The file's findings, fixability refined for the file on its own. */
  findings: readonly Finding[];
}

export interface PlanPackageJson {
  /** Workspace-relative, `/` separators. */
  path: string;
  /** Workspace-relative folder of the package.json. */
  packageRoot: string;
  text: string;
  findings: readonly Finding[];
}

export interface PlannedPackageJson {
  findings: Finding[];
  /** The package.json edits the migration makes (empty when its package's code does not change). */
  edits: TextEdit[];
  /** The package's code changes: the imports after migration decide its dependencies. */
  migrating: boolean;
  /** The package specifiers the package's files import once migrated (only when `migrating`). */
  importsAfter?: ReadonlySet<string>;
}

export interface MigrationPlan {
  /** Each script file's findings, held back with its group where the group cannot migrate, by path. */
  scripts: Map<string, Finding[]>;
  /** Each package.json's findings and edits, by path. */
  packageJsons: Map<string, PlannedPackageJson>;
}

export function planMigration(scripts: readonly PlanScript[], packageJsons: readonly PlanPackageJson[]): MigrationPlan {
  const held = heldBackFiles(scripts.filter((script) => script.findings.length > 0));
  const planned = new Map<string, Finding[]>();
  for (const script of scripts) {
    const reason = held.get(script.path);
    planned.set(script.path, reason === undefined ? [...script.findings] : holdBack(script.findings, reason));
  }
  const roots = new Set(packageJsons.map((packageJson) => packageJson.packageRoot));
  const needs = dependencyNeeds(scriptImports(scripts, planned, roots), packageJsons);
  const packages = new Map<string, PlannedPackageJson>();
  for (const packageJson of packageJsons) {
    const isMigrating = needs.migrating.has(packageJson.packageRoot);
    const importsAfter = isMigrating ? needs.imports.get(packageJson.packageRoot) ?? new Set<string>() : undefined;
    const findings = dependencyFixability(packageJson.text, packageJson.findings, importsAfter);
    const edits = importsAfter ? planDependencyFix(packageJson.text, importsAfter).edits : [];
    packages.set(packageJson.path, { findings, edits, migrating: isMigrating, ...(importsAfter ? { importsAfter } : {}) });
  }
  return { scripts: planned, packageJsons: packages };
}

/** Each script under a planned package.json, with its imports now and as the plan predicts them once migrated. */
function* scriptImports(scripts: readonly PlanScript[], planned: ReadonlyMap<string, Finding[]>, roots: ReadonlySet<string>): Generator<ScriptImports> {
  for (const script of scripts) {
    if (!underAny(script.packageRoot, roots)) continue;
    const findings = planned.get(script.path)!;
    const before = script.imports ?? packageImportsOf(script.text);
    const after = findings.length === 0 ? before : importsAfterMigration(script.text, findings, before);
    yield { packageRoot: script.packageRoot, before, after, migrates: migratesDependencies(findings) };
  }
}

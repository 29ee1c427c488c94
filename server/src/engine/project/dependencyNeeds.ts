import { packageNameOf } from '../catalog/packages';
import { SAGEMAKER_RUNTIME_PACKAGE, WRAPPER_MODULE_IMPORTS } from '../packageJson';
import type { MigratedImports } from './dependencyMigration';
import { DependencyProviders, enclosingRoots } from './dependencyProviders';

/** Packages migrated code imports that the migration adds to a package.json. */
const ADDED_BY_MIGRATION: ReadonlySet<string> = new Set([SAGEMAKER_RUNTIME_PACKAGE, ...WRAPPER_MODULE_IMPORTS]);

/** A script's imports before and once migrated (`after` is `before` when the migration leaves its imports). */
export interface ScriptImports extends MigratedImports {
  /** Workspace-relative folder of the script's nearest package.json. */
  packageRoot: string;
  /** The migration changes its dependencies (moves it from Bedrock Runtime, or its LangChain chat model). */
  migrates: boolean;
}

export interface DependencyNeeds {
  /** By package root: the specifiers of the migrated code that package.json provides. */
  imports: Map<string, Set<string>>;
  /** The package roots whose package.json the migration updates: it provides a dependency migrated code changes. */
  migrating: Set<string>;
}

/**
 * What each package.json must list once the code is migrated, for the package.json files given (workspace-relative
 * roots with their texts). An import counts for the package.json that provides it (the nearest one upwards that
 * lists it, e.g. a monorepo's root: dependencyProviders.ts), else for the script's own. The packages the migration
 * adds go beside the Bedrock package they replace, wherever that one is listed. Shared by the migration plan (imports
 * predicted) and `scan --fix` (imports of the files as fixed).
 */
export function dependencyNeeds(scripts: Iterable<ScriptImports>, packageJsons: ReadonlyArray<{ packageRoot: string; text: string }>): DependencyNeeds {
  const roots = new Set(packageJsons.map((packageJson) => packageJson.packageRoot));
  const providers = DependencyProviders.fromPackageJsons(packageJsons);
  const imports = new Map<string, Set<string>>();
  const migrating = new Set<string>();
  for (const script of scripts) {
    const nearest = roots.has(script.packageRoot) ? script.packageRoot : undefined;
    const enclosing = enclosingRoots(script.packageRoot);
    const bedrockProvider = script.migrates ? providers.bedrockProviderOf(script.before, enclosing) : undefined;
    if (script.migrates && nearest !== undefined) migrating.add(nearest);
    if (bedrockProvider !== undefined) migrating.add(bedrockProvider);
    for (const specifier of script.after) {
      const provider = providers.providerOf(specifier, enclosing)
        ?? (ADDED_BY_MIGRATION.has(packageNameOf(specifier)) ? bedrockProvider : undefined) ?? nearest;
      if (provider === undefined) continue;
      let set = imports.get(provider);
      if (!set) imports.set(provider, (set = new Set()));
      set.add(specifier);
    }
  }
  return { imports, migrating };
}

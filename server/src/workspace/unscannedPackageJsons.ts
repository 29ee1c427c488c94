// After `scan --fix` or Migrate Workspace: a package whose code was migrated but whose package.json was not scanned
// (`scan --fix src` from the package's folder, a run from a subfolder, a workspace folder inside a package, or a
// monorepo package whose Bedrock dependency only the root lists) keeps that package.json as it was, while the migrated
// code now imports SageMaker Runtime. Said, so that "fixed" does not hide a project that no longer installs. (Only
// said, not edited: only what was scanned is written, and the rest of the package was not read, so which Bedrock
// packages it still imports is unknown.)
import { readFileSync } from 'node:fs';
import { planDependencyFix, SAGEMAKER_RUNTIME_PACKAGE } from '../engine/packageJson';
import type { MigratedImports } from '../engine/project/dependencyMigration';
import { DependencyProviders, listedPackages } from '../engine/project/dependencyProviders';

export interface MissingDependencies {
  /** Absolute path of the package.json. */
  packageJson: string;
  /** The packages the migrated code imports that it does not list. */
  missing: string[];
}

/**
 * `migrated`: each file migrated (absolute path) with its package imports; `enclosingPackageJsonsOf`: the package.json
 * files above a file, nearest first (PackageContexts.enclosingPackageJsons); `scanned`: whether a package.json was
 * scanned (the dependency step updates those). Each file's dependencies belong to the package.json that lists its
 * Bedrock package (a monorepo's root may), else to its nearest one. The unscanned ones that lack an import of the
 * migrated code.
 */
export function unscannedPackageJsons(
  migrated: ReadonlyMap<string, MigratedImports>, enclosingPackageJsonsOf: (file: string) => readonly string[], scanned: (packageJson: string) => boolean,
): MissingDependencies[] {
  const texts = new Map<string, string | undefined>();
  const textOf = (path: string) => {
    if (!texts.has(path)) texts.set(path, readText(path));
    return texts.get(path);
  };
  const listed = new Map<string, ReadonlySet<string>>();
  const providers = new DependencyProviders((path) => {
    let names = listed.get(path);
    if (!names) listed.set(path, (names = listedPackages(textOf(path) ?? '')));
    return names;
  });
  const importsByPackageJson = new Map<string, Set<string>>();
  for (const [file, imports] of migrated) {
    const enclosing = enclosingPackageJsonsOf(file);
    const provider = providers.bedrockProviderOf(imports.before, enclosing) ?? enclosing[0];
    if (provider === undefined || scanned(provider)) continue;
    let all = importsByPackageJson.get(provider);
    if (!all) importsByPackageJson.set(provider, (all = new Set()));
    for (const specifier of imports.after) all.add(specifier);
  }
  const result: MissingDependencies[] = [];
  for (const [packageJson, imports] of importsByPackageJson) {
    const text = textOf(packageJson);
    if (text === undefined) continue;
    const plan = planDependencyFix(text, imports);
    const missing = [...(plan.addsSageMakerRuntime ? [SAGEMAKER_RUNTIME_PACKAGE] : []), ...plan.addedForWrappers];
    if (missing.length > 0) result.push({ packageJson, missing });
  }
  return result;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

// After `scan --fix` or Migrate Workspace: a package whose code was migrated but whose package.json was not scanned
// (`scan --fix src` from the package's folder, a run from a subfolder, a workspace folder inside a package) keeps
// its package.json as it was, while the migrated code now imports SageMaker Runtime. Said, so that "fixed" does not
// hide a project that no longer installs. (Only said, not edited: only what was scanned is written, and the rest of
// the package was not read, so which Bedrock packages it still imports is unknown.)
import { readFileSync } from 'node:fs';
import { planDependencyFix, SAGEMAKER_RUNTIME_PACKAGE } from '../engine/packageJson';

export interface MissingDependencies {
  /** Absolute path of the package.json. */
  packageJson: string;
  /** The packages the migrated code imports that it does not list. */
  missing: string[];
}

/**
 * `migrated`: each file migrated (absolute path) with the packages it imports now; `packageJsonOf`: the package.json
 * a file belongs to (PackageContexts.packageJsonOf); `scanned`: whether a package.json was scanned (the dependency
 * step updates those). The others that lack an import of the migrated code.
 */
export function unscannedPackageJsons(
  migrated: ReadonlyMap<string, readonly string[]>, packageJsonOf: (file: string) => string | undefined, scanned: (packageJson: string) => boolean,
): MissingDependencies[] {
  const importsByPackageJson = new Map<string, Set<string>>();
  for (const [file, imports] of migrated) {
    const packageJson = packageJsonOf(file);
    if (packageJson === undefined || scanned(packageJson)) continue;
    let all = importsByPackageJson.get(packageJson);
    if (!all) importsByPackageJson.set(packageJson, (all = new Set()));
    for (const specifier of imports) all.add(specifier);
  }
  const result: MissingDependencies[] = [];
  for (const [packageJson, imports] of importsByPackageJson) {
    let text: string;
    try {
      text = readFileSync(packageJson, 'utf8');
    } catch {
      continue;
    }
    const plan = planDependencyFix(text, imports);
    const missing = [...(plan.addsSageMakerRuntime ? [SAGEMAKER_RUNTIME_PACKAGE] : []), ...plan.addedForWrappers];
    if (missing.length > 0) result.push({ packageJson, missing });
  }
  return result;
}

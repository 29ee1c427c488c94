// Which package.json provides a package to a script. Node looks for a package in the node_modules of the script's
// folder and of every folder above it, and npm, Yarn and pnpm workspaces install what the workspace root lists there:
// a package of a monorepo may use a dependency only its root lists. The migration edits the package.json that lists
// the Bedrock package a script uses, which need not be the script's nearest one.
import { packageNameOf } from '../catalog/packages';
import { MIGRATED_PACKAGES, bedrockDependency } from '../catalog/bedrockDependency';
import { readDependencySections } from '../packageJson/dependencySections';

/** A package root (workspace-relative, `/` separators, '' for the workspace root) and the folders above it, nearest first. */
export function enclosingRoots(root: string): string[] {
  const roots = [root];
  for (let current = root; current !== '';) {
    const cut = current.lastIndexOf('/');
    current = cut < 0 ? '' : current.slice(0, cut);
    roots.push(current);
  }
  return roots;
}

/** Whether any of the package roots given is at or above `packageRoot`: only then can its imports matter to them. */
export function underAny(packageRoot: string, roots: ReadonlySet<string>): boolean {
  return enclosingRoots(packageRoot).some((root) => roots.has(root));
}

/** The package names a package.json lists in any dependency section (none for text npm would refuse). */
export function listedPackages(packageJsonText: string): Set<string> {
  const sections = readDependencySections(packageJsonText)?.sections ?? [];
  return new Set(sections.flatMap((section) => section.entries.map((entry) => entry.name)));
}

/**
 * The Bedrock packages among `names` that the packages a migration adds replace, first: the runtime client and the AI
 * SDK provider (SageMaker Runtime goes beside them), then wrapper libraries (LangChain's), then the other Bedrock
 * clients, which the migration does not replace (a control-plane client listed nearer must not draw the addition).
 */
function bedrockPackagesByReplacement(names: Iterable<string>): string[] {
  const rank = (name: string) => (MIGRATED_PACKAGES.includes(name) ? 0 : bedrockDependency(name)?.kind === 'wrapper' ? 1 : 2);
  return [...new Set(names)].filter((name) => bedrockDependency(name)).sort((a, b) => rank(a) - rank(b));
}

/**
 * What each known package.json lists. A package.json is named by its package root (workspace-relative) in the migration
 * plan, by its absolute path after `scan --fix` (unscannedPackageJsons.ts): `listedAt` answers for the names used.
 */
export class DependencyProviders {
  constructor(private readonly listedAt: (packageJson: string) => ReadonlySet<string> | undefined) {}

  static fromPackageJsons(packageJsons: ReadonlyArray<{ packageRoot: string; text: string }>): DependencyProviders {
    const listed = new Map(packageJsons.map((packageJson) => [packageJson.packageRoot, listedPackages(packageJson.text)]));
    return new DependencyProviders((root) => listed.get(root));
  }

  /** The nearest of `enclosing` (a script's enclosingRoots, or its package.json files upwards) that lists the package of `specifier`. */
  providerOf(specifier: string, enclosing: readonly string[]): string | undefined {
    const name = packageNameOf(specifier);
    return enclosing.find((packageJson) => this.listedAt(packageJson)?.has(name));
  }

  /**
   * Where the packages a migration adds for a script belong: beside the Bedrock package they replace, in the
   * package.json that provides that package to the script (bedrockPackagesByReplacement's order).
   */
  bedrockProviderOf(importsBefore: readonly string[], enclosing: readonly string[]): string | undefined {
    for (const name of bedrockPackagesByReplacement(importsBefore.map(packageNameOf))) {
      const provider = this.providerOf(name, enclosing);
      if (provider !== undefined) return provider;
    }
    return undefined;
  }
}

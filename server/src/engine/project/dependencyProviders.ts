// Which package.json provides a package to a script. Node looks for a package in the node_modules of the script's
// folder and of every folder above it, and npm, Yarn and pnpm workspaces install what the workspace root lists there:
// a package of a monorepo may use a dependency only its root lists. The migration edits the package.json that lists
// the Bedrock package a script uses, which need not be the script's nearest one.
import { packageNameOf } from '../catalog/packages';
import { bedrockDependency } from '../catalog/bedrockDependency';
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

/** The package names a package.json lists in any dependency section (none for text npm would refuse). */
export function listedPackages(packageJsonText: string): Set<string> {
  const sections = readDependencySections(packageJsonText)?.sections ?? [];
  return new Set(sections.flatMap((section) => section.entries.map((entry) => entry.name)));
}

/** What each known package.json lists, by package root. */
export class DependencyProviders {
  constructor(private readonly listed: ReadonlyMap<string, ReadonlySet<string>>) {}

  static fromPackageJsons(packageJsons: ReadonlyArray<{ packageRoot: string; text: string }>): DependencyProviders {
    return new DependencyProviders(new Map(packageJsons.map((packageJson) => [packageJson.packageRoot, listedPackages(packageJson.text)])));
  }

  /** The root of the nearest known package.json, from `packageRoot` upwards, that lists the package of `specifier`. */
  providerOf(specifier: string, packageRoot: string): string | undefined {
    const name = packageNameOf(specifier);
    return enclosingRoots(packageRoot).find((root) => this.listed.get(root)?.has(name));
  }

  /**
   * Where the packages a migration adds for a script belong: beside the Bedrock package it replaces, in the
   * package.json that provides that package to the script (its first Bedrock import that one lists).
   */
  bedrockProviderOf(importsBefore: readonly string[], packageRoot: string): string | undefined {
    for (const specifier of importsBefore) {
      if (!bedrockDependency(packageNameOf(specifier))) continue;
      const provider = this.providerOf(specifier, packageRoot);
      if (provider !== undefined) return provider;
    }
    return undefined;
  }
}

import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const LOCKFILE_NAMES = ['pnpm-lock.yaml', 'yarn.lock', 'package-lock.json', 'npm-shrinkwrap.json'];

/** The lockfiles that govern a package.json: beside it, or in the nearest folder above it up to the workspace root (npm, pnpm and yarn workspaces keep one at the root). */
export function lockfilesFor(packageJsonPath: string, workspaceRoot: string): string[] {
  for (let dir = dirname(packageJsonPath); ; dir = dirname(dir)) {
    const found = LOCKFILE_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
    if (found.length > 0) return found;
    if (relative(workspaceRoot, dir) === '' || dirname(dir) === dir) return [];
  }
}

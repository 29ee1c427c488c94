import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Files to create, by forward-slash path relative to the workspace. */
export type WorkspaceFiles = Record<string, string | Uint8Array>;

/**
 * A throwaway folder in the OS temp dir: outside the repository, so the repo's own .gitignore (which
 * ignores out/ and node_modules/) cannot hide or reveal anything the test did not set up itself.
 */
export function createWorkspace(files: WorkspaceFiles): string {
  const root = mkdtempSync(join(tmpdir(), 'b2s-cli-'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: WorkspaceFiles): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export function removeWorkspace(root: string | undefined): void {
  if (root) rmSync(root, { recursive: true, force: true });
}

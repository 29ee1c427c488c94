// Builds the CLI with the project's own esbuild.mjs (so the shebang and bundling are what users get)
// and hands each test file a private copy, so test files running in parallel never execute a bundle
// that another process is rewriting.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const CLI_BUNDLE = join(REPO_ROOT, 'server', 'out', 'cli.js');
const BUILD_INPUTS = ['server/src', 'shared', 'l10n', 'package.json', 'esbuild.mjs'].map((path) => join(REPO_ROOT, path));

/**
 * Rebuilds only when a source is newer than the bundle: esbuild.mjs also rewrites the language server
 * bundle in place, and an unneeded rebuild could race with protocol tests spawning it.
 */
export function buildCli(): string {
  if (!existsSync(CLI_BUNDLE) || statSync(CLI_BUNDLE).mtimeMs < newestInputTime()) {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stderr}`);
  }
  return snapshotBundle();
}

/** The copy sits beside the original so files the bundle looks up next to itself (wasm) still resolve. */
function snapshotBundle(): string {
  const snapshot = join(REPO_ROOT, 'server', 'out', `.cli-under-test-${process.pid}.js`);
  for (let attempt = 1; ; attempt++) {
    copyFileSync(CLI_BUNDLE, snapshot);
    // A copy taken while another test file's build was writing is truncated: it fails the syntax check.
    const check = spawnSync(process.execPath, ['--check', snapshot], { encoding: 'utf8' });
    if (check.status === 0) return snapshot;
    if (attempt === 5) throw new Error(`cannot get a complete copy of ${CLI_BUNDLE}:\n${check.stderr}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}

export function removeSnapshot(snapshot: string | undefined): void {
  if (snapshot) rmSync(snapshot, { force: true });
}

function newestInputTime(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stats = statSync(path);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const input of BUILD_INPUTS) if (existsSync(input)) visit(input);
  return newest;
}

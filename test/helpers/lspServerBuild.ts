// Makes sure server/out/server.js (and sagemaker-discovery.js, which it loads on demand) are builds of the current
// sources before protocol tests spawn the server.
// Test files run in parallel processes, so the bundle is written to a temporary name and renamed into
// place: a process never spawns a half-written server.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SERVER_BUNDLE = join(REPO_ROOT, 'server', 'out', 'server.js');
const SOURCE_DIRS = ['server/src', 'shared', 'l10n'].map((dir) => join(REPO_ROOT, dir));

/** The endpoint discovery code (with @aws-sdk/client-sagemaker), which the server loads only when asked to discover. */
export const DISCOVERY_BUNDLE = join(REPO_ROOT, 'server', 'out', 'sagemaker-discovery.js');

export async function ensureServerBuilt(): Promise<string> {
  const newest = newestSourceTime();
  await buildIfStale(join(REPO_ROOT, 'server', 'src', 'endpoints', 'discovery.ts'), DISCOVERY_BUNDLE, newest);
  await buildIfStale(join(REPO_ROOT, 'server', 'src', 'server.ts'), SERVER_BUNDLE, newest);
  return SERVER_BUNDLE;
}

async function buildIfStale(entryPoint: string, outfile: string, newest: number): Promise<void> {
  if (existsSync(outfile) && statSync(outfile).mtimeMs >= newest) return;
  const result = await esbuild.build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning', write: false,
  });
  mkdirSync(join(REPO_ROOT, 'server', 'out'), { recursive: true });
  // Map first, then the bundle: once server.js is renamed into place it is complete.
  for (const file of [...result.outputFiles].sort((a, b) => Number(a.path.endsWith('.js')) - Number(b.path.endsWith('.js')))) {
    const temporary = join(REPO_ROOT, 'server', 'out', `.${basename(file.path)}.${process.pid}.tmp`);
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

function newestSourceTime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(dir)) walk(dir);
  return newest;
}

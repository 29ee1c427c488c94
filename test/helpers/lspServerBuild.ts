// Makes sure server/out/server.js is a build of the current sources before protocol tests spawn it.
// Test files run in parallel processes, so the bundle is written to a temporary name and renamed into
// place: a process never spawns a half-written server.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SERVER_BUNDLE = join(REPO_ROOT, 'server', 'out', 'server.js');
const SOURCE_DIRS = ['server/src', 'shared', 'l10n'].map((dir) => join(REPO_ROOT, dir));

export async function ensureServerBuilt(): Promise<string> {
  if (existsSync(SERVER_BUNDLE) && statSync(SERVER_BUNDLE).mtimeMs >= newestSourceTime()) return SERVER_BUNDLE;
  const result = await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'server', 'src', 'server.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning', write: false,
  });
  mkdirSync(join(REPO_ROOT, 'server', 'out'), { recursive: true });
  // Map first, then the bundle: once server.js is renamed into place it is complete.
  for (const file of [...result.outputFiles].sort((a, b) => Number(a.path.endsWith('.js')) - Number(b.path.endsWith('.js')))) {
    const temporary = join(REPO_ROOT, 'server', 'out', `.${basename(file.path)}.${process.pid}.tmp`);
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return SERVER_BUNDLE;
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

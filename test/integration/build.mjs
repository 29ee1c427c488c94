// Compiles the extension-host suite to test/integration/out/: one CommonJS file per entry, so mocha can
// add test files one by one; pending.js is also read by the UI smoke driver. `vscode` comes from the
// extension host and mocha from node_modules.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entryPoints = ['index.ts', 'pending.ts', ...['single-folder', 'multi-root'].flatMap((dir) =>
  readdirSync(join(here, dir)).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)))];

await esbuild.build({
  absWorkingDir: here,
  entryPoints,
  outdir: join(here, 'out'),
  outbase: here,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  // typescript (pulled in by the engine oracle) loads from node_modules: the tests always run from the repo.
  external: ['vscode', 'mocha', 'typescript'],
  logLevel: 'warning',
});

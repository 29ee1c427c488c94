// Bundles the client, the language server and the CLI. `--watch` rebuilds on change; `--production` minifies.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  // @aws-sdk/client-sagemaker, loaded by the server and the CLI only when endpoint discovery runs
  // (server/src/endpoints/loadDiscovery.ts): `scan`, `report` and the server's start-up never parse it.
  { ...common, minify: true, entryPoints: ['server/src/endpoints/discovery.ts'], outfile: 'server/out/sagemaker-discovery.js' },
  // The CLI is always minified: Node compiles a third of the code at start-up and holds less source in memory.
  // cli.js is the small launcher (`bin`) that runs cli-main.js from V8's code cache.
  // No dynamic import() in it (web-tree-sitter has one): V8 loses the loader callback of code from the cache.
  { ...common, minify: true, supported: { 'dynamic-import': false }, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli-main.js' },
  { ...common, entryPoints: ['server/src/cliLauncher.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// The Python parser's WebAssembly (web-tree-sitter runtime + Python grammar) is loaded at run time from next to
// the server and CLI bundles (server/src/engine/python/pythonParser.ts resolves it relative to __dirname).
function copyParserWasm() {
  mkdirSync('server/out', { recursive: true });
  copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'server/out/tree-sitter.wasm');
  copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), 'server/out/tree-sitter-python.wasm');
}
copyParserWasm();

// V8 keeps the CLI's source for the whole run (lazy compilation), as one string: a single character above U+00FF
// makes it a two-byte string, 9.7 MB instead of 4.9 MB of heap (and twice that while the launcher wraps it).
// esbuild escapes non-ASCII characters everywhere but in regular expression literals (a few Chinese words and
// punctuation marks in the assessment parsers, `❯` in the shell prompts, `…` in markdown-it); `\uXXXX` means the
// same character there. A character right after a backslash is an identity escape (`\❯`): refused (the build fails).
function escapeWideCharacters(file) {
  const text = readFileSync(file, 'utf8');
  let escaped = 0;
  const result = text.replace(/(\\*)([^\u0000-\u00ff])/g, (match, backslashes, character) => {
    if (backslashes.length % 2 === 1) throw new Error(`${file}: cannot escape an escaped '${character}'`);
    escaped++;
    return backslashes + '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0');
  });
  if (escaped > 0) writeFileSync(file, result);
}

const cliOptions = builds.find((options) => options.outfile === 'server/out/cli-main.js');
cliOptions.plugins = [{ name: 'latin1-source', setup: (build) => build.onEnd((result) => { if (result.errors.length === 0) escapeWideCharacters(cliOptions.outfile); }) }];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[esbuild] watching client/src and server/src');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

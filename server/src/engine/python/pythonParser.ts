import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Parser } from 'web-tree-sitter';
// `require` form on purpose: bundlers then pick the package's CommonJS build; its ESM build reads
// import.meta.url, which is empty in our CommonJS bundles.
import TreeSitter = require('web-tree-sitter');

// The two WebAssembly files ship next to the bundles (esbuild.mjs copies them into server/out); when the
// engine runs from source (tests under tsx) they are read from node_modules.
const RUNTIME_WASM = 'tree-sitter.wasm';
const PYTHON_WASM = 'tree-sitter-python.wasm';

let parser: Parser | undefined;
let initialising: Promise<void> | undefined;
let failure: string | undefined;

/**
 * Loads web-tree-sitter and the Python grammar. Call once at startup and await it before the first
 * analysis: `analyze()` stays synchronous, and until this has resolved Python fences are not analysed.
 * Never rejects; a load failure is kept in `pythonParserStatus()`.
 */
export function initPythonParser(): Promise<void> {
  initialising ??= load().catch((error: unknown) => {
    failure = error instanceof Error ? error.message : String(error);
  });
  return initialising;
}

async function load(): Promise<void> {
  const runtimeWasm = locate(RUNTIME_WASM, 'web-tree-sitter/tree-sitter.wasm');
  await TreeSitter.Parser.init({ locateFile: () => runtimeWasm });
  const language = await TreeSitter.Language.load(locate(PYTHON_WASM, 'tree-sitter-python/tree-sitter-python.wasm'));
  const instance = new TreeSitter.Parser();
  instance.setLanguage(language);
  parser = instance;
}

function locate(fileName: string, packagePath: string): string {
  const bundled = join(__dirname, fileName);
  if (existsSync(bundled)) return bundled;
  return require.resolve(packagePath);
}

/** The ready parser, or undefined before `initPythonParser()` has finished (or when it failed). */
export function pythonParser(): Parser | undefined {
  return parser;
}

export function pythonParserStatus(): { ready: boolean; error?: string } {
  return parser ? { ready: true } : { ready: false, ...(failure ? { error: failure } : {}) };
}

// The `bedrock-to-sagemaker` command: starts the CLI bundle (cli-main.js) from V8's code cache when it has one.
// Compiling the 4 MB bundle is a third of a short run's time; Node 22 has this built in (module.enableCompileCache),
// Node 20 does not. The cache lives in the user's own cache folder, is keyed by Node version and bundle, and any
// problem with it (missing, stale, unwritable, rejected by V8) just means an ordinary compile.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'cli-main.js');

/**
 * V8 lets the heap grow up to 4× what a full collection leaves before it collects again; a scan's or a `--fix`'s
 * garbage (syntax trees of large files, the texts of every fix pass) is what then fills the process. 2× holds it at
 * no measurable CPU cost: `scan --fix` of a one-line 3 MB file peaked at 410–531 MB (1.6–2.0× its scan), 337–427 MB
 * with 2× (CPU 9.1 → 9.2 s); 1.5× held it further (316–357 MB) but cost ~8 % more CPU. The bin is a plain `node`
 * script (npx), so the flag is set here, before the CLI runs: V8 reads it at each full collection. A
 * `--heap-growing-percent` given to node itself (`node --heap-growing-percent=N cli.js`) wins.
 */
const HEAP_GROWING_PERCENT = 100;
if (!process.execArgv.some((argument) => /^--heap[-_]growing[-_]percent/.test(argument))) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

function cacheFile(): string | undefined {
  if (process.env.BEDROCK_TO_SAGEMAKER_NO_COMPILE_CACHE) return undefined;
  try {
    const folder = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bedrock-to-sagemaker');
    const stats = statSync(MAIN);
    return join(folder, `cli-${process.version}-${process.arch}-${stats.size}-${Math.trunc(stats.mtimeMs)}.v8cache`);
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Written once the run is over, so the cache holds every function the run compiled; atomically, for parallel runs. */
function writeCacheAtExit(file: string, script: Script): void {
  process.once('exit', () => {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, file);
      // Caches of other builds or Node versions are of no further use.
      for (const name of readdirSync(dirname(file))) {
        if (name.startsWith('cli-') && name.endsWith('.v8cache') && name !== basename(file)) rmSync(join(dirname(file), name), { force: true });
      }
    } catch {
      // A cache we cannot write costs only the next run's compile.
    }
  });
}

const file = cacheFile();
const cachedData = readCache(file);
const source = readFileSync(MAIN, 'utf8').replace(/^#!.*/, '');
const script = new Script(Module.wrap(source), { filename: MAIN, cachedData });
if (file && (!cachedData || script.cachedDataRejected)) writeCacheAtExit(file, script);
const main = new Module(MAIN, module);
main.filename = MAIN;
main.paths = (Module as unknown as { _nodeModulePaths(folder: string): string[] })._nodeModulePaths(__dirname);
(script.runInThisContext() as (...args: unknown[]) => void).call(main.exports, main.exports, Module.createRequire(MAIN), main, MAIN, __dirname);

// Machinery of the project suite (test/projects/projects.test.ts): copy a fixture project to a temp dir, run its
// programs, type-check it, migrate it with the built CLI, and record everything the assertions look at.
// Every child process is spawned asynchronously (the stand-ins live in this process: a spawnSync would block
// them) and goes through one small concurrency limit, so the suite stays quick on two cores.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { baseOf, copyFixture } from './fixtureCopy';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../../cli/support/cliBuild';
import { standinEnvironment } from '../../helpers/standins/runProgram';
import { BEDROCK_SDK, type Tree } from './tree';

// The tree and package.json helpers live in tree.ts (the VS Code integration suite uses them too).
export * from './tree';

export const PROJECTS_ROOT = resolve(__dirname, '..');
const REPO_NODE_MODULES = join(REPO_ROOT, 'node_modules');
const TSC = join(REPO_NODE_MODULES, 'typescript', 'bin', 'tsc');

/** Bedrock packages the migration replaces with SageMaker Runtime: gone from package.json once no file imports them. */
export const REPLACED_PACKAGES = [BEDROCK_SDK, '@ai-sdk/amazon-bedrock'];

export interface ProgramSpec {
  /** Project-relative path of the file to run. */
  path: string;
  /** `node` runs the file as is (JavaScript); `tsx` runs it with `node --import tsx` (TypeScript). */
  runner: 'node' | 'tsx';
  /** Project-relative working directory (the package the program belongs to); default the project root. */
  cwd?: string;
}

export interface ProjectSpec {
  name: string;
  /** What the project covers, for the reader. */
  covers: string;
  /** Project-relative path of the CLI config (endpoints with `container: "lmi"`). */
  config: string;
  /** Project-relative tsconfig/jsconfig: one type-check program per project. */
  tsconfig: string;
  /** Project-relative package folders ('.' for the root), each with its own package.json. */
  packages: string[];
  /** Programs the migration must keep working (run on Bedrock before, on the LMI stand-in after). */
  programs: ProgramSpec[];
  /** Closed-weight programs: must stay byte-identical, still be reported, and still run on Bedrock. */
  closedWeight?: ProgramSpec[];
  /** Programs the migration must leave byte-identical and reported (no fixable finding), still running on Bedrock: calls it cannot translate. */
  leftAlone?: ProgramSpec[];
  /** Also migrate with every endpoint's container set to `tgi` and run the programs on the TGI stand-in. */
  tgi?: boolean;
  /** Extra layout a real install would have (e.g. workspace links in the monorepo). */
  link?: (root: string) => void;
  /**
   * A Bedrock wrapper package (e.g. `@langchain/aws`) whose code the migration moves to a written module: the
   * package.json must drop it once no file imports it, and list every package the files then import from `needs`.
   */
  wrapper?: { name: string; needs: string[] };
  /**
   * Model ids the config leaves unmapped that a program calls at run time: the stand-ins also serve their placeholder
   * endpoints (`TODO-endpoint-for-<id>`), so the run shows the migrated lookup table has a row for each of them.
   */
  unmappedModelIds?: string[];
}

export interface ProgramResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Diagnostic {
  /** Position-free identity: the file, the code and the message (line numbers move when code is rewritten). */
  key: string;
  /** The text tsc printed. */
  text: string;
}

export interface CliResult extends ProgramResult {
  json?: CliJson;
  jsonError?: string;
}

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  category: string;
  message: string;
  fixable: boolean;
}

export interface CliJson {
  findings: CliFinding[];
  skipped: Array<{ file: string; reason: string; message: string }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Concurrency

/** PROJECTS_TRACE=<file> appends every child process and how long it took to that file. */
const TRACE = process.env.PROJECTS_TRACE;
const LIMIT = Math.max(1, Number(process.env.PROJECTS_CONCURRENCY ?? 3));
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= LIMIT) await new Promise<void>((resolveSlot) => waiting.push(resolveSlot));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

function run(args: string[], options: SpawnOptions): Promise<ProgramResult> {
  return limited(() => new Promise<ProgramResult>((resolveRun, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, timeout: options.timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (TRACE) appendFileSync(TRACE, `[projects] ${Date.now() - started} ms: ${relative(REPO_ROOT, options.cwd) || '.'}$ ${args.map((arg) => relative(options.cwd, arg).startsWith('..') ? arg : relative(options.cwd, arg) || arg).join(' ')}\n`);
      resolveRun({ code, signal, stdout, stderr });
    });
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Workspace

/** Copies the fixture into a fresh temp dir, with the repository's node_modules linked in the way npm would. */
export function copyProject(spec: ProjectSpec): { root: string; scratch: string } {
  const scratch = mkdtempSync(join(tmpdir(), `b2s-project-${spec.name}-`));
  const root = join(scratch, spec.name);
  copyFixture(join(PROJECTS_ROOT, spec.name), root);
  symlinkSync(REPO_NODE_MODULES, join(root, 'node_modules'), 'junction');
  spec.link?.(root);
  return { root, scratch };
}

/** What `npm install` links for the monorepo's workspace dependency `@mono/llm` (hoisted packages come from the repo's node_modules). */
export function linkMonorepoPackages(root: string): void {
  mkdirSync(join(root, 'packages/app/node_modules/@mono'), { recursive: true });
  symlinkSync('../../../llm', join(root, 'packages/app/node_modules/@mono/llm'), 'junction');
}

export function removeScratch(scratch: string | undefined): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Programs, tsc, CLI

/** The SDK's "node >= 22 soon" warning is noise in a failure message. */
export function cleanStderr(stderr: string): string {
  return stderr
    .replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?\(Use `node --trace-warnings[^\n]*\n/g, '')
    .slice(0, 6000);
}

export function runProjectProgram(root: string, program: ProgramSpec, endpoint: string): Promise<ProgramResult> {
  const cwd = join(root, program.cwd ?? '.');
  const file = relative(cwd, join(root, program.path));
  return run(program.runner === 'tsx' ? ['--import', 'tsx', file] : [file], {
    cwd,
    timeoutMs: 60_000,
    env: standinEnvironment(cwd, endpoint),
  });
}

export interface TscResult {
  diagnostics: Diagnostic[];
  output: string;
  code: number | null;
}

let worker: Worker | undefined;
let nextRequest = 0;
const pending = new Map<number, (result: { output: string; code: number }) => void>();

/** The type-check worker, started on first use; `PROJECTS_TSC=cli` spawns `tsc` for every check instead. */
function typeCheckWorker(): Worker {
  if (!worker) {
    worker = new Worker(join(__dirname, 'typeCheckWorker.js'), { workerData: { typescript: join(REPO_NODE_MODULES, 'typescript') } });
    worker.on('message', ({ id, ...result }: { id: number; output: string; code: number }) => {
      pending.get(id)?.(result);
      pending.delete(id);
    });
    worker.on('error', (error) => {
      for (const settle of pending.values()) settle({ output: `type-check worker failed: ${error.stack}`, code: 1 });
      pending.clear();
      worker = undefined;
    });
  }
  return worker;
}

export async function stopTypeCheckWorker(): Promise<void> {
  await worker?.terminate();
  worker = undefined;
}

async function tscOutput(root: string, tsconfig: string): Promise<{ output: string; code: number | null }> {
  if (process.env.PROJECTS_TSC === 'cli') {
    const result = await run([TSC, '--noEmit', '-p', tsconfig, '--pretty', 'false'], { cwd: root, timeoutMs: 120_000, env: { PATH: process.env.PATH } });
    return { output: result.stdout + result.stderr, code: result.code };
  }
  const id = nextRequest++;
  const started = Date.now();
  const result = await new Promise<{ output: string; code: number }>((settle) => {
    pending.set(id, settle);
    typeCheckWorker().postMessage({ id, root, tsconfig });
  });
  if (TRACE) appendFileSync(TRACE, `[projects] ${Date.now() - started} ms (queued + checked): type-check worker ${root} ${tsconfig}\n`);
  return result;
}

/**
 * `tsc --noEmit -p <tsconfig> --pretty false` with the repository's TypeScript (in a worker that keeps the parsed
 * node_modules declarations between projects), diagnostics split one per entry.
 */
export async function typeCheck(root: string, tsconfig: string): Promise<TscResult> {
  const { output, code } = await tscOutput(root, tsconfig);
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && diagnostics.length > 0) {
      const last = diagnostics[diagnostics.length - 1];
      last.text += `\n${line}`;
      last.key += `\n${line.trim()}`;
      continue;
    }
    const located = /^(.+?)\(\d+,\d+\): (error|warning) (TS\d+): (.*)$/.exec(line);
    diagnostics.push(located
      ? { key: `${located[1]}: ${located[3]}: ${located[4]}`, text: line }
      : { key: line.replace(/\(\d+,\d+\)/, ''), text: line });
  }
  return { diagnostics, output, code };
}

/** Diagnostics of `after` that `before` did not have (as a multiset: a second copy of an old error is new). */
export function newDiagnostics(before: Diagnostic[], after: Diagnostic[]): Diagnostic[] {
  const remaining = new Map<string, number>();
  for (const diagnostic of before) remaining.set(diagnostic.key, (remaining.get(diagnostic.key) ?? 0) + 1);
  return after.filter((diagnostic) => {
    const count = remaining.get(diagnostic.key) ?? 0;
    if (count > 0) {
      remaining.set(diagnostic.key, count - 1);
      return false;
    }
    return true;
  });
}

export async function runCliAsync(cli: string, root: string, args: string[]): Promise<CliResult> {
  const result: CliResult = await run([cli, ...args], { cwd: root, timeoutMs: 120_000, env: { PATH: process.env.PATH, LANG: 'C' } });
  try {
    result.json = JSON.parse(result.stdout) as CliJson;
  } catch (error) {
    result.jsonError = `stdout is not one JSON document (${(error as Error).message}):\n${result.stdout.slice(0, 2000)}`;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Config and package.json

export interface EndpointConfig {
  endpointName: string;
  inferenceComponentName?: string;
  container?: 'lmi' | 'tgi';
}

export function readConfig(spec: ProjectSpec): { endpoints: Record<string, EndpointConfig> } & Record<string, unknown> {
  const own = join(PROJECTS_ROOT, spec.name, spec.config);
  const base = baseOf(join(PROJECTS_ROOT, spec.name));
  const path = base && !existsSync(own) ? join(base, spec.config) : own;
  return JSON.parse(readFileSync(path, 'utf8')) as { endpoints: Record<string, EndpointConfig> };
}

/** The same config with every endpoint served by a TGI container, written outside the project. */
export function writeTgiConfig(spec: ProjectSpec, scratch: string): string {
  const config = readConfig(spec);
  const endpoints = Object.fromEntries(Object.entries(config.endpoints).map(([model, target]) => [model, { ...target, container: 'tgi' }]));
  const path = join(scratch, 'tgi.config.json');
  writeFileSync(path, `${JSON.stringify({ ...config, endpoints }, null, 2)}\n`);
  return path;
}

/** The package folder (one of spec.packages) a project file belongs to: the deepest one containing it. */
export function packageOf(spec: ProjectSpec, file: string): string {
  const owners = spec.packages.filter((pkg) => pkg === '.' || file === pkg || file.startsWith(`${pkg}/`));
  return owners.sort((a, b) => b.length - a.length)[0] ?? '.';
}

/** Resolves a relative specifier the loose way (the extension may be absent, `.js` for `.ts`...) to a project file. */
export function resolveRelative(tree: Tree, fromFile: string, specifier: string): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  const stem = base.replace(/\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/, '');
  const candidates = [base, ...['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'].map((extension) => stem + extension),
    ...['index.ts', 'index.js'].map((index) => posix.join(base, index))];
  return candidates.find((candidate) => tree.has(candidate));
}

export function ensureDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}

export function exists(path: string): boolean {
  return existsSync(path);
}

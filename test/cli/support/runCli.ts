import { spawnSync } from 'node:child_process';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds, for the "does not hang" tests. */
  elapsedMs: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Run as another user (root-only): the way to get EACCES when the tests run as root. */
  uid?: number;
  gid?: number;
  timeoutMs?: number;
}

/** Runs the built CLI with `node` as a child process, the way CI would, with a plain (non-TTY) stdout. */
export function runCli(cliPath: string, args: readonly string[], options: RunOptions): CliRun {
  const started = Date.now();
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, LANG: 'C', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, elapsedMs: Date.now() - started };
}

/** Parses stdout as the single JSON document the json and sarif formats promise. */
export function parseStdout<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${run.status}):\n${run.stdout.slice(0, 2000)}\nstderr:\n${run.stderr}`);
  }
}

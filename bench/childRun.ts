// Runs a benchmark child process (`node <args>`) and reads back what it reports about itself (bench/reportUsage.cjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(__dirname, '..');
const USAGE = join(__dirname, 'reportUsage.cjs');

export interface Measured {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  stdout: string;
}

export function measureNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', USAGE, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env });
  const wallMs = performance.now() - started;
  const rss = /PEAK_RSS_KB=(\d+)/.exec(child.stderr);
  const cpu = /CPU_US=(\d+)/.exec(child.stderr);
  if (!rss || !cpu) throw new Error(`node ${args.join(' ')} reported no usage (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  return { wallMs, cpuMs: Number(cpu[1]) / 1000, peakRssMb: Number(rss[1]) / 1024, stdout: child.stdout };
}

export const ROUNDS = 3;

/** One row per measure: the median of `ROUNDS` rounds, the measures of a round run one after another. */
export function measureInRounds(measures: ReadonlyArray<readonly [string, () => Measured]>): Array<[string, Measured]> {
  const runs = measures.map(() => [] as Measured[]);
  for (let round = 0; round < ROUNDS; round++) measures.forEach(([, run], index) => runs[index]!.push(run()));
  return measures.map(([name], index) => [name, median(runs[index]!)]);
}

function median(runs: Measured[]): Measured {
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const byCpu = [...runs].sort((a, b) => a.cpuMs - b.cpuMs);
  const middle = Math.floor(runs.length / 2);
  return { ...byWall[middle]!, cpuMs: byCpu[middle]!.cpuMs, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
}


// Benchmark (not a test): `scan --format json` of the generated workspace and of the real-world one (bench/
// realWorldWorkspace.ts), each side by side with its baselines, measured in the same rounds: reading every file, and
// reading every file + TypeScript-parsing those that mention `bedrock`. The runs of one round follow each other, so
// the load of the shared box weighs on baseline and scan alike; medians of the rounds, wall and CPU time.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Measured, measureInRounds, measureNode, REPO, ROUNDS } from './childRun';
import { generateWorkspace } from './generate';
import { realWorldWorkspace } from './realWorldWorkspace';

const BASELINE = join(__dirname, 'readBaseline.cjs');
const CLI = join(REPO, 'server', 'out', 'cli.js');

interface Workspace {
  name: string;
  root: string;
}

/** Scans one workspace; returns the scan's ratios to the read + parse baseline (wall, CPU). */
export function benchScanOf(workspace: Workspace, cacheHome: string): { wall: number; cpu: number; peakRssMb: number } {
  const scanArgs = [CLI, 'scan', workspace.root, '--format', 'json'];
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  // The CLI keeps V8's code cache in the user's cache folder: an empty one gives the first run ever.
  rmSync(cacheHome, { recursive: true, force: true });
  const first = measureNode(scanArgs, env);
  const rows = measureInRounds([
    ['read every file (baseline)', () => measureNode([BASELINE, workspace.root, 'read'])],
    ['read every file + parse those mentioning bedrock (baseline)', () => measureNode([BASELINE, workspace.root, 'parse'])],
    ['`scan --format json`', () => measureNode(scanArgs, env)],
  ]);
  const [, parse] = rows[1]!;
  const [, scan] = rows[2]!;
  const files = JSON.parse(rows[1]![1].stdout) as { files: number; parsed: number };
  const report = JSON.parse(scan.stdout) as { filesScanned: number; findings: unknown[] };
  console.log(`\n## CLI scan: ${workspace.name} (${files.files} files, ${files.parsed} mention bedrock; ${report.filesScanned} scanned, ${report.findings.length} findings; median of ${ROUNDS} rounds)`);
  console.log('| run | wall ms | CPU ms | peak RSS MB | wall / parse baseline | CPU / parse baseline |\n| --- | --- | --- | --- | --- | --- |');
  for (const [name, run] of [...rows, ['`scan --format json`, first run (no compile cache)', first] as [string, Measured]]) {
    console.log(`| ${name} | ${run.wallMs.toFixed(0)} | ${run.cpuMs.toFixed(0)} | ${run.peakRssMb.toFixed(0)} | ${(run.wallMs / parse.wallMs).toFixed(2)}× | ${(run.cpuMs / parse.cpuMs).toFixed(2)}× |`);
  }
  return { wall: scan.wallMs / parse.wallMs, cpu: scan.cpuMs / parse.cpuMs, peakRssMb: scan.peakRssMb };
}

/** The generated workspace of `files` files (5% with Bedrock), built fresh under bench/.work. */
export function generatedWorkspace(files: number): Workspace {
  const root = join(__dirname, '.work', `workspace-${files}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  generateWorkspace(root, files, 0.05);
  return { name: `generated, ${files} files (5% with Bedrock)`, root };
}

export function realWorld(): Workspace {
  const workspace = realWorldWorkspace();
  return { name: `real world (this project's dependencies + a generated app; ${workspace.root})`, root: workspace.root };
}

/** `npm run bench`: the scan of both workspaces. */
export function benchScans(files: number): void {
  const cacheHome = mkdtempSync(join(tmpdir(), 'b2s-bench-cache-'));
  const generated = generatedWorkspace(files);
  try {
    for (const workspace of [generated, realWorld()]) {
      const ratio = benchScanOf(workspace, cacheHome);
      console.log(`target ≤ 1.5× read + parse, peak RSS ≤ 200 MB: wall ${ratio.wall.toFixed(2)}×, CPU ${ratio.cpu.toFixed(2)}×, ${ratio.peakRssMb.toFixed(0)} MB`);
    }
  } finally {
    rmSync(generated.root, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

// `node --import tsx bench/scanBench.ts [files]`: this benchmark alone (expects a built server/out/cli.js).
if (require.main === module) benchScans(Number(process.argv[2] ?? 5000));

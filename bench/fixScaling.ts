// `scan --fix` across file sizes (issue #13): one-line (minified-looking) Bedrock-heavy files the fixes migrate,
// of 1, 3 and 8 MB. Baseline: `scan` of the same file, measured in the same run. Targets: time ≤ 3× the scan,
// peak memory ≤ 2× the scan's, and both ratios flat as the file grows (linear). CPU time (user + system) is shown
// beside the wall time: on a shared box it is the steadier of the two.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMigratableFile } from '../test/helpers/migratableFile';

const CLI = join(__dirname, '..', 'server', 'out', 'cli.js');
const WORK = join(__dirname, '.work');

interface Measured {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

function sizesMb(): number[] {
  const index = process.argv.indexOf('--fix-sizes');
  return index >= 0 ? process.argv[index + 1].split(',').map(Number) : [1, 3, 8];
}

/** The CLI in `cwd` (created files go there), with a preload that reports its own peak RSS and CPU time. */
function cli(cwd: string, args: string[]): Measured {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(__dirname, 'reportUsage.cjs'), CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  const rss = /PEAK_RSS_KB=(\d+)/.exec(result.stderr);
  const cpu = /CPU_US=(\d+)/.exec(result.stderr);
  if (!rss || !cpu || (result.status !== 0 && result.status !== 1)) throw new Error(`bedrock-to-sagemaker ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { wallMs, cpuMs: Number(cpu[1]) / 1000, peakRssMb: Number(rss[1]) / 1024, stdout: result.stdout, stderr: result.stderr };
}

/** A generated file of about `characters` characters on one line (8 MB stays under the engine's 8 MiB limit). */
function oneLineFile(characters: number): string {
  const perLine = generateMigratableFile(1_000).length / 1_000;
  return generateMigratableFile(Math.floor(characters / perLine)).replace(/\n/g, ' ');
}

export function benchFixScaling(): void {
  console.log('\n## `scan --fix` across file sizes (one-line files; ratio to `scan --format json` of the same file)');
  console.log('| size | findings | edits | scan ms (CPU) / MB | scan --fix ms (CPU) / MB | time ratio (CPU) | memory ratio |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const mb of sizesMb()) {
    const text = oneLineFile(mb * 1_000_000);
    const root = join(WORK, `fix-${mb}mb`);
    const scanned = join(root, 'scan');
    const fixed = join(root, 'fix');
    rmSync(root, { recursive: true, force: true });
    for (const dir of [scanned, fixed]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'service.ts'), text);
    }
    const options = ['--max-file-size', String(Math.ceil(text.length / 1024) + 1), '--format', 'json'];
    const scan = cli(scanned, ['scan', '.', ...options]);
    const fix = cli(fixed, ['scan', '.', '--fix', ...options]);
    const findings = (JSON.parse(scan.stdout) as { findings: unknown[] }).findings.length;
    const edits = /--fix: (\d+)/.exec(fix.stderr)?.[1] ?? '?';
    const times = (run: Measured) => `${run.wallMs.toFixed(0)} (${run.cpuMs.toFixed(0)}) / ${run.peakRssMb.toFixed(0)}`;
    console.log(`| ${(text.length / 1_000_000).toFixed(1)} MB | ${findings} | ${edits} | ${times(scan)} | ${times(fix)} | ${(fix.wallMs / scan.wallMs).toFixed(2)}× (${(fix.cpuMs / scan.cpuMs).toFixed(2)}×) | ${(fix.peakRssMb / scan.peakRssMb).toFixed(2)}× |`);
    rmSync(root, { recursive: true, force: true });
  }
}

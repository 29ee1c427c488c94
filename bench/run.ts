// Benchmarks (not tests): prints numbers side by side with their baselines, measured in the same run.
//   1. Edit → diagnostics over LSP on a ~3,000-line TypeScript file with ~30 Bedrock uses, vs ts.createSourceFile.
//   2. CLI scan of a generated 5,000-file workspace (5% Bedrock), vs reading every file, vs read + parse candidates.
// Usage: npm run bench [-- --edits 200 --files 5000]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { LspTestClient } from '../test/helpers/lspClient';
import { generateLargeFile, generateWorkspace } from './generate';
import { percentile, summarize } from './stats';
import { benchServerExecArgv, benchTransport, describeServerFlags } from './serverFlags';
import { benchTypingAcrossSizes } from './typingLatency';
import { benchFixScaling } from './fixScaling';
import { benchScans } from './scanBench';

const REPO = join(__dirname, '..');
const WORK = join(__dirname, '.work');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function benchEditLatency(edits: number): Promise<void> {
  const text = generateLargeFile(3000, 30);
  const uri = 'file:///bench/large.ts';
  // BENCH_PROFILE=dir writes a CPU profile of the server to dir.
  const client = await LspTestClient.start({ execArgv: benchServerExecArgv(), transport: benchTransport() });
  try {
    await client.open(uri, 'typescript', text);
    const first = await client.diagnosticItems(uri);
    const latencies: number[] = [];
    let current = text;
    for (let i = 0; i < edits; i++) {
      // Type (or delete) one character in the middle of the file, sent as VS Code sends it (the changed range
      // only), then ask for diagnostics as VS Code does on change.
      const at = Math.floor(current.length / 2) + (i % 50);
      const typed = i % 2 === 0;
      const position = positionAt(current, at);
      const range = { start: position, end: typed ? position : positionAt(current, at + 1) };
      current = current.slice(0, at) + (typed ? ' ' : '') + current.slice(at + (typed ? 0 : 1));
      const started = performance.now();
      await client.changeRange(uri, range, typed ? ' ' : '');
      await client.diagnosticItems(uri);
      latencies.push(performance.now() - started);
    }
    const parses: number[] = [];
    for (let i = 0; i < edits; i++) {
      const started = performance.now();
      ts.createSourceFile('large.ts', current, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      parses.push(performance.now() - started);
    }
    const p50 = percentile(latencies, 50);
    const parseP50 = percentile(parses, 50);
    console.log(`\n## Edit → diagnostics over LSP (${text.split('\n').length} lines, ${first.length} findings, ${edits} edits)`);
    console.log(describeServerFlags(benchTransport()));
    console.log(`| measure | p50 ms | p99 ms |\n| --- | --- | --- |`);
    console.log(`| didChange + textDocument/diagnostic round trip | ${summarize(latencies)} |`);
    console.log(`| ts.createSourceFile (full parse, same text) | ${summarize(parses)} |`);
    console.log(`ratio p50 (LSP round trip / full parse): ${(p50 / parseP50).toFixed(2)}`);
  } finally {
    await client.stop();
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

interface ChildRun {
  wallMs: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs `node <args>` with a preload that reports the child's own peak RSS. */
function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): ChildRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(__dirname, 'reportPeakRss.cjs'), ...args], {
    cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env,
  });
  const wallMs = performance.now() - started;
  const rss = /PEAK_RSS_KB=(\d+)/.exec(result.stderr);
  if (!rss) throw new Error(`no RSS reported by node ${args.join(' ')}:\n${result.stderr}`);
  return { wallMs, maxRssMb: Number(rss[1]) / 1024, stdout: result.stdout };
}

/** The run with the median wall time of `times` runs (the box is shared: single runs are noisy). */
function medianRun(times: number, run: () => ChildRun): ChildRun {
  const runs = Array.from({ length: times }, run).sort((a, b) => a.wallMs - b.wallMs);
  return runs[Math.floor(times / 2)];
}

function benchWorkspaceScan(files: number): void {
  const root = join(WORK, `workspace-${files}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  generateWorkspace(root, files, 0.05);
  const rows: Array<[string, ChildRun]> = [];
  const baseline = join(__dirname, 'readBaseline.cjs');
  rows.push(['read every file (no parsing)', medianRun(3, () => runNode([baseline, root, 'read']))]);
  rows.push(['read every file + parse the Bedrock candidates', medianRun(3, () => runNode([baseline, root, 'parse']))]);
  // The CLI launcher keeps V8's code cache in the user's cache folder: a fresh one gives the first run ever.
  const cacheHome = join(WORK, 'cache');
  rmSync(cacheHome, { recursive: true, force: true });
  const scanArgs = [join(REPO, 'server', 'out', 'cli.js'), 'scan', root, '--format', 'json'];
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  rows.push(['bedrock-to-sagemaker scan --format json, first run (no compile cache yet)', runNode(scanArgs, env)]);
  const scan = medianRun(3, () => runNode(scanArgs, env));
  rows.push(['bedrock-to-sagemaker scan --format json', scan]);
  const report = JSON.parse(scan.stdout) as { filesScanned: number; findings: unknown[] };
  console.log(`\n## Workspace scan (median of 3 runs; ${files} files, 5% with Bedrock; ${report.filesScanned} scanned, ${report.findings.length} findings)`);
  console.log('| run | wall ms | files/s | peak RSS MB |\n| --- | --- | --- | --- |');
  for (const [name, run] of rows) {
    console.log(`| ${name} | ${run.wallMs.toFixed(0)} | ${(files / (run.wallMs / 1000)).toFixed(0)} | ${run.maxRssMb.toFixed(0)} |`);
  }
  console.log(`ratio (scan / read + parse candidates): ${(scan.wallMs / rows[1][1].wallMs).toFixed(2)}; first run: ${(rows[2][1].wallMs / rows[1][1].wallMs).toFixed(2)}`);
  rmSync(root, { recursive: true, force: true });
}

async function main(): Promise<void> {
  spawnSync(process.execPath, [join(REPO, 'esbuild.mjs')], { cwd: REPO, stdio: 'inherit' });
  console.log(`# bedrock-to-sagemaker benchmarks (${new Date().toISOString()}, node ${process.version}, ${require('node:os').cpus().length} cores)`);
  await benchEditLatency(option('edits', 200));
  benchWorkspaceScan(option('files', 5000));
  await benchTypingAcrossSizes();
  benchFixScaling();
  benchScans(option('files', 5000));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

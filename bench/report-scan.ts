// Benchmark (not a test): the workspace report at scale. A generated workspace (default 10,000 files, 5% with
// Bedrock) is reported by the language server over the protocol, cold and then warm (session cache), and
// by the CLI; side by side with simply reading every file and with an idle server. Each process reports its
// own peak RSS.
// Usage: node --import tsx bench/report-scan.ts [--files 10000]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, ExitNotification, InitializedNotification, InitializeRequest, type ProtocolConnection, ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { GenerateReportRequest, type GenerateReportResult } from '../shared/reportProtocol';
import * as esbuild from 'esbuild';
import { generateWorkspace } from './generate';

const REPO = join(__dirname, '..');
const WORK = join(__dirname, '.work');
const PEAK_RSS = join(__dirname, 'reportPeakRss.cjs');
// Measured as shipped: minified like `esbuild.mjs --production` (vscode:prepublish), which loads in ~30 MB
// less than the development bundle. Built aside, so server/out (used by tests running meanwhile) is untouched.
const DIST = join(WORK, 'dist');
const SERVER = join(DIST, 'server.js');
const CLI = join(DIST, 'cli.js');

async function buildProductionBundles(): Promise<void> {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning' } as const;
  await esbuild.build({ ...common, entryPoints: [join(REPO, 'server', 'src', 'server.ts')], outfile: SERVER });
  await esbuild.build({ ...common, entryPoints: [join(REPO, 'server', 'src', 'cli.ts')], outfile: CLI });
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

interface Row {
  name: string;
  wallMs: number;
  peakRssMb?: number;
}

function peakRssMb(stderr: string): number {
  const match = /PEAK_RSS_KB=(\d+)/.exec(stderr);
  if (!match) throw new Error(`no peak RSS reported:\n${stderr}`);
  return Number(match[1]) / 1024;
}

function runNode(name: string, args: string[]): Row {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', PEAK_RSS, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { name, wallMs: performance.now() - started, peakRssMb: peakRssMb(result.stderr) };
}

/** The bundled server over stdio, with the peak-RSS preload; no configuration capability, so defaults apply. */
class Server {
  private stderr = '';
  private constructor(private readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
  }

  static async start(folderUri: string, execArgv: readonly string[]): Promise<Server> {
    const child = spawn(process.execPath, [...execArgv, '--require', PEAK_RSS, SERVER, '--stdio'], { stdio: 'pipe' });
    const server = new Server(child, createProtocolConnection(child.stdout!, child.stdin!));
    server.connection.listen();
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: { workspace: { workspaceFolders: true } }, initializationOptions: { locale: 'en', isTrusted: true },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  async report(folderUri: string, outputUri: string): Promise<{ ms: number; result: GenerateReportResult }> {
    const started = performance.now();
    const result = await this.connection.sendRequest(GenerateReportRequest.type, {
      workspaceName: 'bench', folders: [{ uri: folderUri, name: 'bench', filesExclude: [] }], format: 'markdown', outputUri,
    });
    return { ms: performance.now() - started, result };
  }

  /** Shuts down and returns the server's peak RSS in MB. */
  async stop(): Promise<number> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
    return peakRssMb(this.stderr);
  }
}

// The server as VS Code starts it today, and with V8's --optimize-for-size (smaller heap, earlier GC).
const SERVER_FLAGS: ReadonlyArray<readonly string[]> = [[], ['--optimize-for-size']];

interface ServerRun {
  rows: Row[];
  result: GenerateReportResult;
}

/** Idle baseline, then cold, warm and partly-touched reports in one server process with the given node flags. */
async function benchServer(folderUri: string, outputUri: string, root: string, files: number, execArgv: readonly string[]): Promise<ServerRun> {
  const label = execArgv.length > 0 ? `server ${execArgv.join(' ')}` : 'server';
  // What the server costs before any report: the bundle (TypeScript's compiler included) loaded and initialised.
  const idle = await Server.start(folderUri, execArgv);
  const idlePeak = await idle.stop();
  const server = await Server.start(folderUri, execArgv);
  const cold = await server.report(folderUri, outputUri);
  const warm = await server.report(folderUri, outputUri);
  // Touch 1% of the files: the cache re-reads exactly those.
  const touched = Math.ceil(files / 100);
  const later = new Date(Date.now() + 60_000);
  for (let i = 0; i < touched; i++) utimesSync(join(root, `pkg${i % 50}`, `mod${i % 7}`, `file${i}.ts`), later, later);
  const partly = await server.report(folderUri, outputUri);
  const peak = await server.stop();
  return {
    result: cold.result,
    rows: [
      { name: `${label}: started, no report (baseline)`, wallMs: 0, peakRssMb: idlePeak },
      { name: `${label}: generateReport, cold`, wallMs: cold.ms },
      { name: `${label}: generateReport, warm (session cache)`, wallMs: warm.ms },
      { name: `${label}: generateReport, warm, ${touched} files touched`, wallMs: partly.ms, peakRssMb: peak },
    ],
  };
}

async function main(): Promise<void> {
  const files = option('files', 10_000);
  await buildProductionBundles();
  const root = join(WORK, `report-${files}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  generateWorkspace(root, files, 0.05);
  const folderUri = pathToFileURL(root).href;
  const output = join(WORK, `report-${files}.md`);
  const rows: Row[] = [];
  try {
    rows.push(runNode('read every file (baseline, no analysis)', [join(__dirname, 'readBaseline.cjs'), root, 'read']));
    rows.push(runNode('CLI: bedrock-to-sagemaker report --out', [CLI, 'report', root, '--out', output]));

    let summary: ServerRun | undefined;
    for (const execArgv of SERVER_FLAGS) {
      const run = await benchServer(folderUri, pathToFileURL(output).href, root, files, execArgv);
      rows.push(...run.rows);
      summary ??= run;
    }
    console.log(`# Workspace report benchmark (${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores)`);
    const result = summary!.result;
    console.log(`\n## Workspace report (${files} files, 5% with Bedrock; ${result.filesScanned} scanned, ${result.findings} findings, ${result.feasibility})`);
    console.log('| run | wall ms | files/s | peak RSS MB |\n| --- | --- | --- | --- |');
    for (const row of rows) {
      const rss = row.peakRssMb === undefined ? '↓' : row.peakRssMb.toFixed(0);
      const throughput = row.wallMs > 0 ? (files / (row.wallMs / 1000)).toFixed(0) : '–';
      console.log(`| ${row.name} | ${row.wallMs > 0 ? row.wallMs.toFixed(0) : '–'} | ${throughput} | ${rss} |`);
    }
    console.log('Each "started" row is a process of its own; the three report rows after it share one process, whose peak RSS is on the last.');
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(output, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

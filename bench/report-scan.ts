// Benchmark (not a test): the workspace report at scale, on a generated workspace (default 10,000 files, 5% with
// Bedrock) and on the real-world one (bench/realWorldWorkspace.ts). Each is reported by the language server over the
// protocol, cold and then warm (session cache), and by the CLI; side by side with the CLI scan of the same workspace
// (the targets of #13: cold report ≤ 2× the scan, warm ≤ 0.3×), with reading every file and with an idle server.
// The server runs as the extension runs it (its node flags, VS Code's default files.exclude and watcherExclude, a
// file watcher registered and file events sent for touched files) and with node's default flags. Migrate Workspace,
// which scans the same files and computes every fix, is timed in a server of its own (cold) and after the reports.
// Each process reports its own peak RSS.
// Usage: node --import tsx bench/report-scan.ts [--files 10000]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidChangeWatchedFilesNotification, ExitNotification, FileChangeType, type FileEvent, InitializedNotification, InitializeRequest,
  type ProtocolConnection, RegistrationRequest, ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { GenerateReportRequest, type GenerateReportResult, MigrateWorkspaceRequest, type ReportFolderParams } from '../shared/reportProtocol';
import { SERVER_EXEC_ARGV } from '../shared/serverProcess';
import * as esbuild from 'esbuild';
import { measureInRounds, measureNode } from './childRun';
import { generatedWorkspace, realWorld } from './scanBench';

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
  /** CPU time (user + system): steadier than wall time on a shared box. */
  cpuMs?: number;
  peakRssMb?: number;
  /** The server's own count of files stat-ed and read and folders listed. */
  work?: GenerateReportResult['work'];
}

function peakRssMb(stderr: string): number {
  const match = /PEAK_RSS_KB=(\d+)/.exec(stderr);
  if (!match) throw new Error(`no peak RSS reported:\n${stderr}`);
  return Number(match[1]) / 1024;
}

// VS Code's defaults, which the extension sends with each report (client/src/commands/reportFolders.ts).
const FILES_EXCLUDE = ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db'];
const WATCHER_EXCLUDE = ['**/.git/objects/**', '**/.git/subtree-cache/**', '**/.hg/store/**'];

/**
 * The bundled server over stdio, with the peak-RSS preload; no configuration capability, so defaults apply. Like
 * VS Code it lets the server register a file watcher, and the benchmark sends the events the watcher would.
 */
class Server {
  private stderr = '';
  private watcherRegistered = false;
  private readonly watcher: Promise<void>;
  private constructor(private readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.watcher = new Promise((resolve) => {
      connection.onRequest(RegistrationRequest.type, (params) => {
        if (!params.registrations.some((registration) => registration.method === DidChangeWatchedFilesNotification.method)) return;
        this.watcherRegistered = true;
        resolve();
      });
    });
  }

  static async start(folderUri: string, execArgv: readonly string[]): Promise<Server> {
    const child = spawn(process.execPath, [...execArgv, '--require', PEAK_RSS, SERVER, '--stdio'], { stdio: 'pipe' });
    const server = new Server(child, createProtocolConnection(child.stdout!, child.stdin!));
    server.connection.listen();
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { locale: 'en', isTrusted: true },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    // In VS Code the watcher is in place long before anyone asks for a report.
    await server.watcher;
    return server;
  }

  report(folderUri: string, outputUri: string): Promise<{ ms: number; cpuMs?: number; result: GenerateReportResult }> {
    return this.timed(() => this.connection.sendRequest(GenerateReportRequest.type, { workspaceName: 'bench', folders: [benchFolder(folderUri)], format: 'markdown', outputUri }));
  }

  /** Migrate Workspace's edit of the whole folder (computed, not applied: the editor applies it). */
  migrate(folderUri: string): Promise<{ ms: number; cpuMs?: number; result: { work?: GenerateReportResult['work'] } }> {
    return this.timed(() => this.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: [benchFolder(folderUri)] }));
  }

  private async timed<T>(request: () => Promise<T>): Promise<{ ms: number; cpuMs?: number; result: T }> {
    const cpuBefore = this.cpuMs();
    const started = performance.now();
    const result = await request();
    const ms = performance.now() - started;
    const cpuAfter = this.cpuMs();
    return { ms, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, result };
  }

  /** The server process's CPU time so far, from /proc (Linux; undefined elsewhere). Clock ticks of 10 ms. */
  private cpuMs(): number | undefined {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  /** What VS Code's watcher sends after files changed on disk: one batch of Changed events. */
  async filesChanged(paths: readonly string[]): Promise<void> {
    if (!this.watcherRegistered) throw new Error('the server registered no file watcher');
    const changes: FileEvent[] = paths.map((path) => ({ uri: pathToFileURL(path).href, type: FileChangeType.Changed }));
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
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

function benchFolder(folderUri: string): ReportFolderParams {
  return { uri: folderUri, name: 'bench', filesExclude: FILES_EXCLUDE, filesWatcherExclude: WATCHER_EXCLUDE };
}

// The server as the extension starts it (client/src/client.ts), and with node's defaults.
const SERVER_FLAGS: ReadonlyArray<readonly string[]> = [SERVER_EXEC_ARGV, ...(SERVER_EXEC_ARGV.length > 0 ? [[]] : [])];

interface ServerRun {
  rows: Row[];
  result: GenerateReportResult;
}

/** Idle baseline, then cold, warm and partly-touched reports in one server process with the given node flags. */
async function benchServer(folderUri: string, outputUri: string, touchable: readonly string[], execArgv: readonly string[]): Promise<ServerRun> {
  const label = `server ${execArgv.length > 0 ? execArgv.join(' ') : '(no flags)'}${execArgv === SERVER_EXEC_ARGV ? ', as the extension runs it' : ''}`;
  // What the server costs before any report: the bundle (TypeScript's compiler included) loaded and initialised.
  const idle = await Server.start(folderUri, execArgv);
  const idlePeak = await idle.stop();
  const server = await Server.start(folderUri, execArgv);
  const cold = await server.report(folderUri, outputUri);
  const warm = await server.report(folderUri, outputUri);
  // Touch 100 files and send the watcher's events: the server re-reads exactly those.
  const touched = touchable.slice(0, 100);
  const later = new Date(Date.now() + 60_000);
  for (const path of touched) utimesSync(path, later, later);
  await server.filesChanged(touched);
  const partly = await server.report(folderUri, outputUri);
  const migrateAfter = await server.migrate(folderUri);
  const peak = await server.stop();
  // Migrate Workspace in a server that has made no report (its own process, as the idle one).
  const fresh = await Server.start(folderUri, execArgv);
  const migrateCold = await fresh.migrate(folderUri);
  const migratePeak = await fresh.stop();
  return {
    result: cold.result,
    rows: [
      { name: `${label}: started, no report (baseline)`, wallMs: 0, peakRssMb: idlePeak },
      { name: `${label}: generateReport, cold`, wallMs: cold.ms, cpuMs: cold.cpuMs, work: cold.result.work },
      { name: `${label}: generateReport, warm (session cache)`, wallMs: warm.ms, cpuMs: warm.cpuMs, work: warm.result.work },
      {
        name: `${label}: generateReport, warm, ${touched.length} files touched (file events sent)`,
        wallMs: partly.ms, cpuMs: partly.cpuMs, work: partly.result.work,
      },
      { name: `${label}: migrateWorkspace after the reports`, wallMs: migrateAfter.ms, cpuMs: migrateAfter.cpuMs, peakRssMb: peak, work: migrateAfter.result.work },
      { name: `${label}: migrateWorkspace, cold (a server of its own)`, wallMs: migrateCold.ms, cpuMs: migrateCold.cpuMs, peakRssMb: migratePeak, work: migrateCold.result.work },
    ],
  };
}

/** Files of the workspace's generated part (the same layout in both workspaces), for the "touched" run. */
function generatedFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((path) => path.endsWith('.ts')).sort().map((path) => join(root, path));
}

interface Target {
  name: string;
  root: string;
  generatedRoot: string;
}

async function benchWorkspace(target: Target): Promise<void> {
  const folderUri = pathToFileURL(target.root).href;
  // Inside the folder (the server writes nowhere else), in a dot-folder the scans skip.
  const outputFolder = join(target.root, '.bench-report');
  mkdirSync(outputFolder, { recursive: true });
  const output = join(outputFolder, 'report.md');
  try {
    // The CLI scan of the same workspace is the report's baseline: one run of each, interleaved, median of the rounds.
    const cli = measureInRounds([
      ['read every file (no analysis)', () => measureNode([join(__dirname, 'readBaseline.cjs'), target.root, 'read'])],
      ['CLI `scan --format json` (baseline of the targets)', () => measureNode([CLI, 'scan', target.root, '--format', 'json'])],
      ['CLI `report --out`', () => measureNode([CLI, 'report', target.root, '--out', output])],
    ]);
    const scanMs = cli[1]![1].wallMs;
    const scanCpuMs = cli[1]![1].cpuMs;
    const rows: Row[] = cli.map(([name, run]) => ({ name, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb }));
    let summary: ServerRun | undefined;
    for (const execArgv of SERVER_FLAGS) {
      const run = await benchServer(folderUri, pathToFileURL(output).href, generatedFiles(target.generatedRoot), execArgv);
      rows.push(...run.rows);
      summary ??= run;
    }
    const result = summary!.result;
    console.log(`\n## Workspace report: ${target.name} (${result.filesScanned} scanned, ${result.findings} findings, ${result.feasibility})`);
    console.log('| run | wall ms | × CLI scan | CPU ms | × CLI scan CPU | peak RSS MB | files stat-ed / read, folders listed |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) {
      const rss = row.peakRssMb === undefined ? '↓' : row.peakRssMb.toFixed(0);
      const ratio = row.wallMs > 0 ? `${(row.wallMs / scanMs).toFixed(2)}×` : '–';
      const cpu = row.cpuMs === undefined ? '–' : row.cpuMs.toFixed(0);
      const cpuRatio = row.cpuMs === undefined ? '–' : `${(row.cpuMs / scanCpuMs).toFixed(2)}×`;
      const work = row.work ? `${row.work.filesStatted} / ${row.work.filesRead}, ${row.work.foldersListed}` : '';
      console.log(`| ${row.name} | ${row.wallMs > 0 ? row.wallMs.toFixed(0) : '–'} | ${ratio} | ${cpu} | ${cpuRatio} | ${rss} | ${work} |`);
    }
    console.log('CLI rows: median of 3 interleaved rounds (production bundle, no code cache). Each "started" row and the cold migrateWorkspace row is a process of its own; the three report rows and the migrateWorkspace row after the "started" row share one process, whose peak RSS is on the last; their CPU is the server process during the request (from /proc), for CLI rows the whole process. Targets: cold ≤ 2×, warm ≤ 0.3× the CLI scan.');
  } finally {
    rmSync(outputFolder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const files = option('files', 10_000);
  await buildProductionBundles();
  console.log(`# Workspace report benchmark (${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores)`);
  const generated = generatedWorkspace(files);
  try {
    await benchWorkspace({ name: generated.name, root: generated.root, generatedRoot: generated.root });
  } finally {
    rmSync(generated.root, { recursive: true, force: true });
  }
  const real = realWorld();
  await benchWorkspace({ name: real.name, root: real.root, generatedRoot: join(real.root, 'app') });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

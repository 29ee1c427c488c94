// Ctrl+C on the built CLI: SIGINT aborts the AWS call in flight (endpoints) or stops before the next write (scan
// --fix, report --out); "cancelled" on stderr, exit code 130, no file written. Synchronised on events, never on time:
// the control-plane stand-in holds ListEndpoints until the client gives up, and for the scans a preloaded module
// holds the CLI's first look at the scanned folder until SIGINT arrives.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startControlPlaneStandin } from '../helpers/standins/sageMakerControlStandin';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { CONVERSE_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';


// Preloaded into the CLI: its first look at the scanned folder (an asynchronous stat, before any file is read) tells
// the test (HOLD on stderr) and waits for SIGINT. This listener is registered before the CLI's own, so when the stat
// goes on, the CLI has already seen the signal: the run is cancelled mid-way, deterministically.
const HOLD_CJS = [
  "const fsp = require('node:fs/promises');",
  "const fs = require('node:fs');",
  'const stat = fsp.stat;',
  'let held = false;',
  'fsp.stat = function (path, ...rest) {',
  "  if (held || !String(path).endsWith(require('node:path').sep + 'src')) return stat.call(this, path, ...rest);",
  '  held = true;',
  "  fs.writeSync(2, 'HOLD\\n');",
  // A signal listener does not keep Node running: this never-firing timer does, until the signal came.
  '  const alive = setInterval(() => {}, 1 << 30);',
  "  return new Promise((resolve) => process.once('SIGINT', resolve)).then(() => { clearInterval(alive); return stat.call(this, path, ...rest); });",
  '};',
  '',
].join('\n');

interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI; `onStderr` sees stderr as it grows (to act when the CLI reaches a point). */
function start(cli: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, preload?: string): { child: ChildProcess; exited: Promise<Exit>; stderrHas(text: string): Promise<void> } {
  const child = spawn(process.execPath, [...(preload ? ['--require', preload] : []), cli, ...args], { cwd, env: { PATH: process.env.PATH, LANG: 'C', ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((candidate) => stderr.includes(candidate.text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const stderrHas = (text: string) => (stderr.includes(text) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ text, resolve })));
  return { child, exited, stderrHas };
}

describe('Ctrl+C', { timeout: 120_000 }, () => {
  let cli: string;
  let home: string;
  before(() => {
    cli = buildCli();
    home = createWorkspace({ '.aws/config': '' });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(home);
  });

  test('endpoints --write-config: the AWS call in flight is aborted, nothing is written, exit 130', async () => {
    const standin = await startControlPlaneStandin(undefined, { hold: 'ListEndpoints' });
    const workspace = createWorkspace({ 'src/models.ts': "export const LLAMA = 'meta.llama3-1-8b-instruct-v1:0';\n" });
    try {
      const run = start(cli, ['endpoints', '--region', 'cn-north-1', '--write-config', 'settings.json'], workspace, {
        HOME: home, AWS_ACCESS_KEY_ID: 'AKIDTESTKEY', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL_SAGEMAKER: standin.url,
      });
      await standin.held();
      run.child.kill('SIGINT');
      const exit = await run.exited;
      assert.equal(exit.status, 130, exit.stderr);
      assert.equal(exit.stderr, 'bedrock-to-sagemaker: cancelled\n');
      assert.equal(exit.stdout, '');
      assert.equal(existsSync(join(workspace, 'settings.json')), false, 'no --write-config file');
      assert.deepEqual(readdirSync(workspace).sort(), ['src']);
      assert.deepEqual(standin.abandoned.map((request) => request.operation), ['ListEndpoints'], 'the SDK call was aborted, not left running');
      assert.deepEqual(standin.requests.map((request) => request.operation), ['ListEndpoints'], 'and no other call started');
    } finally {
      removeWorkspace(workspace);
      await standin.close();
    }
  });

  test('scan --fix: cancelled before the scan is done, no file is written; the same run without Ctrl+C would have fixed one', async () => {
    const workspace = createWorkspace({ 'src/chat.ts': CONVERSE_TS, 'src/hold-here.ts': 'export const nothing = 1;\n', 'hold.cjs': HOLD_CJS });
    try {
      const run = start(cli, ['scan', 'src', '--fix'], workspace, { HOME: home }, join(workspace, 'hold.cjs'));
      await run.stderrHas('HOLD\n');
      run.child.kill('SIGINT');
      const exit = await run.exited;
      assert.equal(exit.status, 130, exit.stderr);
      assert.equal(exit.stderr, 'HOLD\nbedrock-to-sagemaker: cancelled\n');
      assert.equal(readFileSync(join(workspace, 'src/chat.ts'), 'utf8'), CONVERSE_TS, 'not fixed');
      assert.deepEqual(readdirSync(join(workspace, 'src')).sort(), ['chat.ts', 'hold-here.ts'], 'no adapter created, no temporary file left');

      const uncancelled = await start(cli, ['scan', 'src', '--fix'], workspace, { HOME: home }).exited;
      assert.match(uncancelled.stderr, /fixed src\/chat\.ts/);
      assert.notEqual(readFileSync(join(workspace, 'src/chat.ts'), 'utf8'), CONVERSE_TS);
    } finally {
      removeWorkspace(workspace);
    }
  });

  test('report --out: cancelled before the report is written', async () => {
    const workspace = createWorkspace({ 'src/chat.ts': CONVERSE_TS, 'src/hold-here.ts': 'export const nothing = 1;\n', 'hold.cjs': HOLD_CJS });
    try {
      const run = start(cli, ['report', 'src', '--out', 'report.md'], workspace, { HOME: home }, join(workspace, 'hold.cjs'));
      await run.stderrHas('HOLD\n');
      run.child.kill('SIGINT');
      const exit = await run.exited;
      assert.equal(exit.status, 130, exit.stderr);
      assert.match(exit.stderr, /bedrock-to-sagemaker: cancelled\n$/);
      assert.equal(existsSync(join(workspace, 'report.md')), false);
    } finally {
      removeWorkspace(workspace);
    }
  });

  test('the help texts say so', async () => {
    for (const args of [['--help'], ['report', '--help'], ['endpoints', '--help']]) {
      const exit = await start(cli, args, home, { HOME: home }).exited;
      assert.match(exit.stdout, /Ctrl\+C cancels with exit code 130/, args.join(' '));
    }
  });
});

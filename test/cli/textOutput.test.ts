import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli, type CliRun } from './support/runCli';
import { BEDROCK_IMPORT_JS, BEDROCK_TS, CLEAN_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const ESCAPE = '\u001b[';
const FINDING_LINE = /^ {2}(\S+):(\d+):(\d+) (error|warning|information|hint) ((?:bedrock|assessment)\/[a-z0-9-]+) (.+)$/;

describe('--format text', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  let output: CliRun;

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'src/app.ts': BEDROCK_TS,
      'src/clean.ts': CLEAN_TS,
      'src/legacy/client.js': BEDROCK_IMPORT_JS,
      'src/blob.ts': new Uint8Array([0, 0]),
    });
    output = runCli(cli, ['scan'], { cwd: workspace });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('groups findings under a header per file, one "path:line:col severity ruleId message" line each', () => {
    assert.equal(output.status, 3); // 3: a file was skipped (--fail-on-skipped is the default)
    const blocks = output.stdout.trimEnd().split('\n\n');
    const [app, legacy] = blocks;
    const appLines = app!.split('\n');
    assert.equal(appLines[0], 'src/app.ts');
    assert.equal(appLines.length, 5);
    for (const line of appLines.slice(1)) assert.match(line, FINDING_LINE);
    const [, path, lineNumber, column, severity, ruleId] = FINDING_LINE.exec(appLines[2]!)!;
    assert.deepEqual([path, lineNumber, severity, ruleId], ['src/app.ts', '2', 'error', 'bedrock/runtime-client']);
    assert.equal(BEDROCK_TS.split('\n')[1]!.indexOf('BedrockRuntimeClient') + 1, Number(column));
    assert.equal(legacy!.split('\n')[0], 'src/legacy/client.js');
    assert.ok(!output.stdout.includes('src/clean.ts'), 'files without findings are not listed');
  });

  test('lists skipped files and ends with a summary counting each category', () => {
    assert.match(output.stdout, /Skipped 1 file\(s\):\n {2}src\/blob\.ts: File skipped: it looks binary/);
    const summary = output.stdout.trimEnd().split('\n').at(-1)!;
    assert.match(summary, /^5 finding\(s\) in 2 of 3 scanned file\(s\), target region cn-northwest-1: /);
    assert.match(summary, /\d+ with a SageMaker equivalent, \d+ needing manual migration, \d+ with no equivalent in China\.$/);
  });

  test('no colour when stdout is not a terminal', () => {
    assert.ok(!output.stdout.includes(ESCAPE));
  });

  // `script` gives the CLI a real pseudo-terminal, the only honest way to see what a user's terminal gets.
  const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
  const inTerminal = (env: Record<string, string>) => spawnSync('script', ['-q', '-e', '-c', `"${process.execPath}" "${cli}" scan src/app.ts`, '/dev/null'], {
    cwd: workspace, env: { PATH: process.env.PATH, TERM: 'xterm', ...env }, encoding: 'utf8', timeout: 60_000,
  });

  test('colour in a terminal, none when NO_COLOR is set', { skip: !hasScript && 'needs util-linux script' }, () => {
    const coloured = inTerminal({});
    assert.equal(coloured.status, 1, coloured.stderr);
    assert.ok(coloured.stdout.includes(ESCAPE), 'a terminal gets ANSI colour');
    const plain = inTerminal({ NO_COLOR: '1' });
    assert.equal(plain.status, 1);
    assert.ok(plain.stdout.includes('bedrock/runtime-client'));
    assert.ok(!plain.stdout.includes(ESCAPE), 'NO_COLOR wins over the terminal');
  });
});

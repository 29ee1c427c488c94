import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { parseStdout, runCli } from './support/runCli';
import { CLEAN_TS, CONVERSE_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const CHAT_TS = CONVERSE_TS.replace(/\n/g, '\r\n');

const GUARDRAIL_TS = [
  "import { BedrockRuntimeClient, ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';",
  'const client = new BedrockRuntimeClient({});',
  "export const check = () => client.send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
  '',
].join('\n');

describe('scan --fix', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  const run = (...args: string[]) => runCli(cli, args, { cwd: workspace });

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({ 'src/chat.ts': CHAT_TS, 'src/guard.ts': GUARDRAIL_TS, 'src/clean.ts': CLEAN_TS });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('applies the safe fixes in place, creates the adapter once, and reports what is left', () => {
    const first = run('scan', 'src', '--fix', '--format', 'json');
    assert.equal(first.status, 1, first.stderr);
    assert.match(first.stderr, /fixed src\/chat\.ts \(\d+ edits\)/);
    assert.match(first.stderr, /created src\/sagemaker-converse\.ts/);
    const chat = readFileSync(join(workspace, 'src/chat.ts'), 'utf8');
    assert.match(chat, /@aws-sdk\/client-sagemaker-runtime/);
    assert.doesNotMatch(chat, /ConverseCommand|BedrockRuntimeClient/);
    assert.ok(chat.split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'CRLF stays CRLF');
    assert.ok(existsSync(join(workspace, 'src/sagemaker-converse.ts')));
    assert.equal(readFileSync(join(workspace, 'src/guard.ts'), 'utf8'), GUARDRAIL_TS, 'a file with an unfixable call is left alone');
    assert.equal(readFileSync(join(workspace, 'src/clean.ts'), 'utf8'), CLEAN_TS, 'files without Bedrock are never touched');
    const left = parseStdout<{ findings: Array<{ file: string; ruleId: string }> }>(first).findings;
    assert.ok(left.some((finding) => finding.file === 'src/guard.ts' && finding.ruleId === 'bedrock/guardrail'));
  });

  test('is idempotent: a second run changes nothing', () => {
    const before = readFileSync(join(workspace, 'src/chat.ts'), 'utf8');
    const adapter = readFileSync(join(workspace, 'src/sagemaker-converse.ts'), 'utf8');
    const second = run('scan', 'src', '--fix', '--format', 'json');
    assert.match(second.stderr, /--fix: 0 edits in 0 files/);
    assert.equal(readFileSync(join(workspace, 'src/chat.ts'), 'utf8'), before);
    assert.equal(readFileSync(join(workspace, 'src/sagemaker-converse.ts'), 'utf8'), adapter);
  });
});

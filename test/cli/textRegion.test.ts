// The text summary names the region findings were judged with: the setting, plus the Markdown files whose front
// matter target_region (another China region) judged theirs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli } from './support/runCli';
import { BEDROCK_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const BEIJING_DOC = ['---', 'target_region: cn-north-1', '---', '# Chat', '', 'The chat calls Amazon Bedrock.', ''].join('\n');
const SETTING_DOC = ['---', 'target_region: cn-northwest-1', '---', '# Chat', '', 'The chat calls Amazon Bedrock.', ''].join('\n');
const GLOBAL_DOC = ['---', 'target_region: us-east-1', '---', '# Chat', '', 'Uses `meta.llama3-8b-instruct-v1:0`.', ''].join('\n');

describe('text summary region', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'src/app.ts': BEDROCK_TS,
      'docs/beijing-a.md': BEIJING_DOC,
      'docs/beijing-b.md': BEIJING_DOC,
      'docs/same.md': SETTING_DOC,
      'docs/global.md': GLOBAL_DOC,
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  const summaryOf = (stdout: string) => stdout.trimEnd().split('\n').at(-1)!;

  test('counts the files judged with their own target_region', () => {
    const run = runCli(cli, ['scan'], { cwd: workspace });
    assert.equal(run.status, 1, run.stderr);
    assert.match(summaryOf(run.stdout), /, target region cn-northwest-1; cn-north-1 × 2 \(target_region\): /);
  });

  test('a front matter that repeats the setting, or names a region outside China, is not "its own"', () => {
    const run = runCli(cli, ['scan', 'src', 'docs/same.md', 'docs/global.md'], { cwd: workspace });
    assert.match(summaryOf(run.stdout), /, target region cn-northwest-1: /);
  });

  test('with --region cn-north-1, the Beijing documents use the setting and Ningxia is the one of its own', () => {
    const run = runCli(cli, ['scan', '--region', 'cn-north-1'], { cwd: workspace });
    assert.match(summaryOf(run.stdout), /, target region cn-north-1; cn-northwest-1 × 1 \(target_region\): /);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { parseStdout, runCli } from './support/runCli';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

interface Report {
  findings: Array<{ file: string; line: number; ruleId: string }>;
}

const TS_FENCE_DOC = [
  '# Calling the model',
  '',
  '```ts',
  "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
  '```',
  '',
].join('\n');

const PYTHON_FENCE_DOC = [
  '# Python',
  '',
  '```python',
  'import boto3',
  'client = boto3.client("bedrock-runtime")',
  '```',
  '',
].join('\n');

describe('Markdown files', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  before(() => {
    cli = buildCli();
    workspace = createWorkspace({ 'docs/guide.md': TS_FENCE_DOC, 'docs/python.markdown': PYTHON_FENCE_DOC });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('code fences are analysed, with lines of the Markdown document', () => {
    const result = runCli(cli, ['scan', 'docs/guide.md', '--format', 'json'], { cwd: workspace });
    assert.equal(result.status, 1);
    const report = parseStdout<Report>(result);
    assert.deepEqual(report.findings.map((finding) => [finding.line, finding.ruleId]), [[4, 'bedrock/import']]);
  });

  // The scanner loads the Python grammar (WebAssembly shipped next to the bundle) before the first Markdown file.
  test('Python fences are analysed by the built CLI, with no warning', () => {
    const result = runCli(cli, ['scan', 'docs/python.markdown', '--format', 'json'], { cwd: workspace });
    assert.equal(result.stderr, '');
    const report = parseStdout<Report>(result);
    assert.ok(report.findings.some((finding) => finding.ruleId === 'bedrock/python-sdk' && finding.line === 5), JSON.stringify(report.findings));
  });
});

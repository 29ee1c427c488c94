// Config discovery: the scanned workspace's .vscode/settings.json (JSONC, bedrockToSagemaker.* keys), then a
// bedrock-to-sagemaker.config.json found upwards from the scanned path; --config alone when given; --region on top.
// `scan --print-config` shows the effective settings and where each came from.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli } from './support/runCli';
import { BEDROCK_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

type Effective = Record<string, { value: unknown; source: string }>;

const VSCODE_SETTINGS = `{
  // Comments and trailing commas, as VS Code writes them.
  "editor.tabSize": 2,
  "bedrockToSagemaker.targetRegion": "cn-north-1",
  "bedrockToSagemaker.rules": { "bedrock/import": "off" },
  "bedrockToSagemaker.run": "onSave",
  "bedrockToSagemaker.endpont": {},
}
`;
const CONFIG_FILE = JSON.stringify({
  endpoints: { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama3-8b', container: 'lmi' } },
  adapterPath: 'lib/sagemaker-converse.ts',
});

describe('config discovery', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      // The repository root: discovery does not look above it.
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.vscode/settings.json': VSCODE_SETTINGS,
      'services/chat/bedrock-to-sagemaker.config.json': CONFIG_FILE,
      'services/chat/src/app.ts': BEDROCK_TS,
      'services/other/app.ts': BEDROCK_TS,
      'ci/strict.json': JSON.stringify({ targetRegion: 'cn-northwest-1' }),
      'broken/.vscode/settings.json': '{ "bedrockToSagemaker.targetRegion": ',
      'broken/app.ts': BEDROCK_TS,
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  const printConfig = (...args: string[]) => {
    const run = runCli(cli, ['scan', ...args, '--print-config'], { cwd: workspace });
    assert.equal(run.status, 0, run.stderr);
    return { effective: JSON.parse(run.stdout) as Effective, stderr: run.stderr };
  };

  test('reads .vscode/settings.json and the nearest config file above the scanned path', () => {
    const { effective, stderr } = printConfig('services/chat/src');
    assert.deepEqual(effective.targetRegion, { value: 'cn-north-1', source: '.vscode/settings.json' });
    assert.deepEqual(effective.rules, { value: { 'bedrock/import': 'off' }, source: '.vscode/settings.json' });
    assert.deepEqual(effective.endpoints, {
      value: { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama3-8b', container: 'lmi' } },
      source: 'services/chat/bedrock-to-sagemaker.config.json',
    });
    assert.deepEqual(effective.adapterPath, { value: 'lib/sagemaker-converse.ts', source: 'services/chat/bedrock-to-sagemaker.config.json' });
    // Editor-only settings are skipped quietly; a misspelt bedrockToSagemaker key is a warning.
    assert.match(stderr, /Ignoring unknown setting "bedrockToSagemaker\.endpont" in \.vscode\/settings\.json/);
    assert.doesNotMatch(stderr, /bedrockToSagemaker\.run/);
  });

  test('a path with no config file above it gets the defaults for what the workspace settings do not set', () => {
    const { effective } = printConfig('services/other');
    assert.deepEqual(effective.endpoints, { value: {}, source: 'default' });
    assert.deepEqual(effective.adapterPath, { value: 'src/sagemaker-converse.ts', source: 'default' });
    assert.equal(effective.targetRegion.source, '.vscode/settings.json');
  });

  test('--config replaces discovery, and --region wins over every file', () => {
    const explicit = printConfig('services/chat/src', '--config', 'ci/strict.json').effective;
    assert.deepEqual(explicit.targetRegion, { value: 'cn-northwest-1', source: 'ci/strict.json' });
    assert.deepEqual(explicit.rules, { value: {}, source: 'default' });
    assert.deepEqual(explicit.endpoints.source, 'default');
    const region = printConfig('services/chat/src', '--region', 'cn-northwest-1').effective;
    assert.deepEqual(region.targetRegion, { value: 'cn-northwest-1', source: '--region' });
  });

  test('the scan uses the discovered settings', () => {
    const run = runCli(cli, ['scan', 'services/chat/src', '--format', 'json'], { cwd: workspace });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { targetRegion: string; findings: Array<{ ruleId: string }> };
    assert.equal(report.targetRegion, 'cn-north-1');
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((finding) => finding.ruleId !== 'bedrock/import'), 'the rule turned off in .vscode/settings.json is off');
  });

  test('a discovered file that is not valid JSONC stops the run with exit code 2', () => {
    const run = runCli(cli, ['scan', 'broken'], { cwd: workspace });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /The config file broken\/\.vscode\/settings\.json is not valid JSON: 1:\d+ \(ValueExpected\)/);
    assert.equal(run.stdout, '');
  });
});

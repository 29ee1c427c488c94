// `bedrock-to-sagemaker report`: the Markdown report on stdout or --out (atomically), JSON/SARIF equal to
// `scan`'s, and scan's exit codes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertLinksResolve, parseReport } from '../helpers/reportMarkdown';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli } from './support/runCli';
import { BEDROCK_IMPORT_JS, BEDROCK_TS, CLEAN_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const GUARDRAIL_TS = [
  "import { BedrockRuntimeClient, ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';",
  'const client = new BedrockRuntimeClient({});',
  "await client.send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
  '',
].join('\n');

describe('report command', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  const run = (args: string[], cwd = workspace) => runCli(cli, args, { cwd, env: { SOURCE_DATE_EPOCH: '1795000000' } });

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'app/src/chat.ts': BEDROCK_TS,
      'app/src/legacy/client.js': BEDROCK_IMPORT_JS,
      'app/src/guard.ts': GUARDRAIL_TS,
      'app/src/clean.ts': CLEAN_TS,
      'app/test/guard.test.ts': GUARDRAIL_TS,
      'app/src/logo.ts': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'clean/index.ts': CLEAN_TS,
      'tests-only/src/chat.ts': BEDROCK_TS,
      'tests-only/test/guard.ts': GUARDRAIL_TS,
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('prints the Markdown report with links relative to the current folder; exit 1 with findings', () => {
    const result = run(['report', 'app']);
    assert.equal(result.status, 3, result.stderr); // 3: a file was skipped (--fail-on-skipped is the default)
    const report = parseReport(result.stdout);
    assert.deepEqual(report.data, {
      title: 'Bedrock to SageMaker migration report: app',
      validation_date: '2026-11-18',
      target_region: 'cn-northwest-1',
      feasibility: 'LOW',
      available_services: 2,
      unavailable_services: 2,
    });
    assertLinksResolve(report.lineLinks, workspace);
    assert.equal(report.findingRows, scanFindingCount(['app']));
    assert.match(result.stdout, /\| `src\/logo\.ts` \| binary file \|/);
  });

  test('--out writes the file atomically, links relative to it, nothing on stdout', () => {
    mkdirSync(join(workspace, 'reports'), { recursive: true });
    const result = run(['report', 'app', '--out', 'reports/migration.md', '--lang', 'zh-cn']);
    assert.equal(result.status, 3, result.stderr); // 3: a file was skipped (--fail-on-skipped is the default)
    assert.equal(result.stdout, '');
    const text = readFileSync(join(workspace, 'reports', 'migration.md'), 'utf8');
    const report = parseReport(text);
    assert.deepEqual(report.h2.slice(0, 3), ['可行性评估', '服务分析', '迁移统计']);
    assertLinksResolve(report.lineLinks, join(workspace, 'reports'));
    assert.deepEqual(readdirSync(join(workspace, 'reports')), ['migration.md'], 'a temporary file was left behind');
  });

  test('a feature without an equivalent only in tests makes the project MEDIUM, not LOW', () => {
    const result = run(['report', 'tests-only']);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(parseReport(result.stdout).data.feasibility, 'MEDIUM');
  });

  for (const format of ['json', 'sarif'] as const) {
    test(`--format ${format} prints exactly what scan --format ${format} prints`, () => {
      const report = run(['report', 'app', '--format', format]);
      const scan = run(['scan', 'app', '--format', format]);
      assert.equal(report.status, 3); // 3: a file was skipped (--fail-on-skipped is the default)
      assert.equal(report.stdout, scan.stdout);
    });
  }

  test('exit 0 and a HIGH report when nothing is found', () => {
    const result = run(['report', 'clean']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(parseReport(result.stdout).data.feasibility, 'HIGH');
  });

  test('exit 2 for a missing path, an unknown format, or an --out folder that does not exist (and nothing written)', () => {
    assert.equal(run(['report', 'no-such-folder']).status, 2);
    const badFormat = run(['report', 'app', '--format', 'html']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format/);
    const badOut = run(['report', 'app', '--out', 'missing/dir/report.md']);
    assert.equal(badOut.status, 2);
    assert.match(badOut.stderr, /missing\/dir\/report\.md/);
    assert.equal(existsSync(join(workspace, 'missing')), false);
  });

  test('report --help explains the options', () => {
    const result = run(['report', '--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /--format markdown\|json\|sarif/);
    assert.match(result.stdout, /--out/);
  });

  function scanFindingCount(paths: string[]): number {
    const scan = run(['scan', ...paths, '--format', 'json']);
    return (JSON.parse(scan.stdout) as { findings: unknown[] }).findings.length;
  }
});

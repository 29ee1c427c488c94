// The editor's report counts what the migration really does, as the CLI report does (issue #10): both follow the
// migration plan (fixability refined per file in its package, groups held back together, package.json findings as
// the migrated package needs them). The report request's JSON export, from the bundled server over the protocol,
// must list the same findings with the same `fixable` and messages as `report --format json` on the same project.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CliFinding } from '../../server/src/formats/cliFinding';
import type { JsonReport } from '../../server/src/formats/jsonReport';
import { GenerateReportRequest } from '../../shared/reportProtocol';
import { buildCli, removeSnapshot } from '../cli/support/cliBuild';
import { parseStdout, runCli } from '../cli/support/runCli';
import { LspTestClient } from '../helpers/lspClient';

const REPO = join(__dirname, '..', '..');

/** Projects where the plan decides something a file on its own cannot: held-back groups, package.json fixability. */
const PROJECTS: ReadonlyArray<{ name: string; source: string; config?: string }> = [
  { name: 'ts-library', source: 'test/projects/ts-library', config: 'bedrock-to-sagemaker.config.json' },
  { name: 'esm-js', source: 'test/projects/esm-js', config: 'bedrock-to-sagemaker.config.json' },
  { name: 'mixed-models', source: 'test/projects/mixed-models', config: 'bedrock-to-sagemaker.config.json' },
  { name: 'monorepo', source: 'test/projects/monorepo', config: 'bedrock-to-sagemaker.config.json' },
  { name: 'dependencies', source: 'test/fixtures/report/dependencies' },
];

const identity = (finding: CliFinding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`;
const sorted = (findings: readonly CliFinding[]) => [...findings].sort((a, b) => identity(a).localeCompare(identity(b)));

describe('the editor report and the CLI report agree on what is fixable', { timeout: 180_000 }, () => {
  let scratch: string;
  let cli: string;
  let client: LspTestClient;
  const roots = new Map<string, string>();

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'b2s-report-plan-'));
    cli = buildCli();
    for (const project of PROJECTS) {
      const root = join(scratch, project.name);
      cpSync(join(REPO, project.source), root, { recursive: true });
      roots.set(project.name, root);
    }
    const folders = PROJECTS.map((project) => ({ name: project.name, uri: pathToFileURL(roots.get(project.name)!).href }));
    const settings = Object.fromEntries(PROJECTS.filter((project) => project.config)
      .map((project) => [pathToFileURL(roots.get(project.name)!).href, JSON.parse(readFileSync(join(roots.get(project.name)!, project.config!), 'utf8'))]));
    client = await LspTestClient.start({ folders, settings });
  });
  after(async () => {
    await client?.stop();
    if (cli) removeSnapshot(cli);
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const project of PROJECTS) {
    test(`${project.name}: the same findings, fixable and messages`, async () => {
      const root = roots.get(project.name)!;
      const run = runCli(cli, ['report', '.', '--format', 'json', ...(project.config ? ['--config', project.config] : [])], { cwd: root });
      assert.equal(run.status, 1, run.stderr);
      const fromCli = parseStdout<JsonReport>(run);
      const output = join(scratch, `${project.name}.report.json`);
      await client.connection.sendRequest(GenerateReportRequest.type, {
        workspaceName: project.name, format: 'json', outputUri: pathToFileURL(output).href, overwrite: true,
        folders: [{ name: project.name, uri: pathToFileURL(root).href, filesExclude: [] }],
      });
      const fromEditor = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
      const fixable = (report: JsonReport) => report.findings.filter((finding) => finding.fixable).length;
      assert.ok(fixable(fromCli) > 0, 'the project has fixable findings');
      assert.equal(fixable(fromEditor), fixable(fromCli), 'fixable counts');
      assert.deepEqual(sorted(fromEditor.findings), sorted(fromCli.findings));
    });
  }
});

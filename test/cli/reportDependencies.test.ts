// The report names the install command of each package whose package.json the migration changes or must change
// (issue #10): pnpm, yarn or npm from the lockfile that governs it; lockfiles are never edited. The fixture
// (test/fixtures/report/dependencies) has three packages: `app` (pnpm-lock.yaml, migrates), `tools` (yarn.lock, a
// closed-weight call keeps it on Bedrock: its package.json must change by hand) and `lib` (no lockfile, migrates).
// The editor's report (collectWorkspaceReport) is held to golden sections in both languages and to its JSON
// export; the CLI's `report` prints the same section.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { renderMarkdown, type ReportModel } from '../../server/src/report';
import { toJsonReport } from '../../server/src/report/exportData';
import { collectWorkspaceReport } from '../../server/src/report/io';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli } from './support/runCli';

const FIXTURE = join(__dirname, '..', 'fixtures', 'report', 'dependencies');
const EXPECTED = join(__dirname, '..', 'fixtures', 'report', 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The "Dependencies" subsection of the recommendations, up to the next heading. */
function dependenciesSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `no "### ${heading}" in:\n${markdown}`);
  const end = markdown.slice(start + 1).search(/\n#{2,3} /);
  return markdown.slice(start + 1, end < 0 ? undefined : start + 1 + end + 1);
}

describe('the report names the install command of each package.json the migration changes', { timeout: 120_000 }, () => {
  let workspace: string;
  let cli: string;
  const report = async (locale: 'en' | 'zh-cn'): Promise<ReportModel> => {
    const folder = { name: 'dependencies', root: workspace, exclude: [], include: [], settings: DEFAULT_SETTINGS, maxFileSizeBytes: 1024 * 1024 };
    const model = await collectWorkspaceReport({ folders: [folder], locale }, { workspaceName: 'dependencies', date: '2026-12-06', linkBase: workspace });
    assert.ok(model);
    return model;
  };

  before(() => {
    // Outside the repository, so its .gitignore decides nothing.
    workspace = join(mkdtempSync(join(tmpdir(), 'b2s-report-deps-')), 'dependencies');
    cpSync(FIXTURE, workspace, { recursive: true });
    cli = buildCli();
  });
  after(() => {
    rmSync(join(workspace, '..'), { recursive: true, force: true });
    if (cli) removeSnapshot(cli);
  });

  for (const [locale, heading] of [['en', 'Dependencies'], ['zh-cn', '依赖']] as const) {
    test(`${locale}: the Dependencies section lists each package.json with its install command and lockfile`, async () => {
      const section = dependenciesSection(renderMarkdown(await report(locale)), heading);
      const golden = join(EXPECTED, `dependencies-section.${locale}.md`);
      if (UPDATE) writeFileSync(golden, section);
      assert.equal(section, readFileSync(golden, 'utf8'));
    });
  }

  test('the JSON export lists the same installs', async () => {
    assert.deepEqual(toJsonReport(await report('en')).installs, [
      { file: 'app/package.json', command: 'pnpm install', lockfile: 'pnpm-lock.yaml' },
      { file: 'lib/package.json', command: 'npm install' },
      { file: 'tools/package.json', command: 'yarn install', lockfile: 'yarn.lock' },
    ]);
  });

  test('the CLI report prints the same section', async () => {
    const run = runCli(cli, ['report', '.'], { cwd: workspace, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    assert.ok(run.status === 1, `exit ${run.status}: ${run.stderr}`);
    assert.equal(dependenciesSection(run.stdout, 'Dependencies'), dependenciesSection(renderMarkdown(await report('en')), 'Dependencies'));
  });
});

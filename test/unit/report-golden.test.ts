// Golden reports of a multi-root fixture workspace (test/fixtures/report/workspace) scanned the way the
// language server scans it: .gitignore, files.exclude, the report's own exclude setting, a binary, a file over
// the size limit and a symbolic-link loop. The tricky files are created in a temporary copy, never committed.
//
// Finding messages are replaced by placeholders in the golden files (they belong to the engine's own golden
// tests); everything the report adds is pinned.
// UPDATE_GOLDEN=1 node test/run-node-tests.mjs test/unit  rewrites test/fixtures/report/expected/*.md; review
// the diff by eye before committing it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { LanguageId } from '../../server/src/engine/types';
import { renderMarkdown, type ReportModel } from '../../server/src/report';
import { collectWorkspaceReport, ReportCache, type ReportScanFolder } from '../../server/src/report/io';
import { assertLinksResolve, parseReport } from '../helpers/reportMarkdown';

const FIXTURE = join(__dirname, '..', 'fixtures', 'report', 'workspace');
const EXPECTED = join(__dirname, '..', 'fixtures', 'report', 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const MAX_FILE_SIZE_BYTES = 16 * 1024;

/** The files the report must analyse: everything in the fixture minus .gitignore'd and excluded files. */
const ANALYSED: ReadonlyArray<[string, string, LanguageId]> = [
  ['api', 'docs/setup.md', 'markdown'],
  ['api', 'src/chat.ts', 'typescript'],
  ['api', 'src/guard.ts', 'typescript'],
  ['api', 'test/chat.test.ts', 'typescript'],
  ['web', 'src/clean.ts', 'typescript'],
  ['web', 'src/summarize.js', 'javascript'],
];

/**
 * The engine's finding messages are the engine's to test (and change); the golden files pin the report: its
 * structure, counts, categories, services, links and texts. So messages are replaced by a fixed placeholder.
 */
function withStableMessages(model: ReportModel): ReportModel {
  return { ...model, files: model.files.map((file) => ({ ...file, findings: file.findings.map((finding) => ({ ...finding, message: `(${finding.ruleId} message)` })) })) };
}

describe('report over the fixture workspace', () => {
  let workspace: string;
  let symlinkLoop = true;
  const folder = (name: string, exclude: string[], extra: Partial<ReportScanFolder> = {}): ReportScanFolder => ({
    name, root: join(workspace, name), exclude, include: [], settings: DEFAULT_SETTINGS, maxFileSizeBytes: MAX_FILE_SIZE_BYTES, ...extra,
  });
  // files.exclude hides api/src/legacy; bedrockToSagemaker.report.exclude hides web/scripts.
  const folders = () => [folder('api', ['**/legacy']), folder('web', ['scripts/**'])];
  const linkBase = () => join(workspace, 'api', '.bedrock-to-sagemaker');

  async function report(locale: 'en' | 'zh-cn', scanFolders = folders(), cache?: ReportCache): Promise<ReportModel> {
    const model = await collectWorkspaceReport({ folders: scanFolders, locale, cache }, { workspaceName: 'shop', date: '2026-11-25', linkBase: linkBase() });
    assert.ok(model, 'the scan was not cancelled');
    return model;
  }

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'b2s-report-'));
    cpSync(FIXTURE, workspace, { recursive: true });
    writeFileSync(join(workspace, 'web', 'src', 'logo.ts'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    writeFileSync(join(workspace, 'web', 'src', 'bundle.js'), "require('@aws-sdk/client-bedrock-runtime');\n".repeat(1000));
    try {
      symlinkSync('..', join(workspace, 'web', 'src', 'loop'), 'dir');
    } catch {
      symlinkLoop = false; // Windows without the privilege to create links: the rest still runs
    }
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  for (const locale of ['en', 'zh-cn'] as const) {
    test(`${locale}: matches the golden report`, async () => {
      const text = renderMarkdown(withStableMessages(await report(locale)));
      const expectedPath = join(EXPECTED, `report.${locale}.md`);
      if (UPDATE) writeFileSync(expectedPath, text);
      assert.equal(text, readFileSync(expectedPath, 'utf8'));
    });

    test(`${locale}: front matter parses back, every finding is one linked row, links resolve`, async () => {
      const model = await report(locale);
      const parsed = parseReport(renderMarkdown(model));
      assert.equal(parsed.data.feasibility, 'LOW');
      assert.equal(parsed.data.available_services, model.services.available.length);
      assert.equal(parsed.data.unavailable_services, model.services.unavailable.length);
      assert.equal(parsed.findingRows, model.totals.total);
      assertLinksResolve(parsed.lineLinks, linkBase());
    });
  }

  for (const locale of ['en', 'zh-cn'] as const) {
    test(`${locale}: the report passes the engine's own checks of an assessment document (front matter, counts, date)`, async () => {
      const text = renderMarkdown(await report(locale));
      const { findings } = analyze({ text, languageId: 'markdown', settings: DEFAULT_SETTINGS, fileName: 'migration-report.md' });
      assert.deepEqual(findings.filter((finding) => finding.ruleId.startsWith('assessment/')).map((finding) => finding.message), []);
    });
  }

  test('counts equal the engine\'s findings for exactly the files that are not ignored or excluded', async () => {
    const model = await report('en');
    const expected = ANALYSED.map(([name, path, languageId]) => {
      const text = readFileSync(join(workspace, name, path), 'utf8');
      return analyze({ text, languageId, settings: DEFAULT_SETTINGS, fileName: path }).findings.length;
    });
    assert.equal(model.totals.total, expected.reduce((sum, count) => sum + count, 0));
    assert.equal(model.totals.autoFixable + model.totals.manual + model.totals.noEquivalent, model.totals.total);
    assert.equal(model.filesScanned, ANALYSED.length);
    const reported = model.files.map((file) => `${file.folder}/${file.path}`);
    for (const hidden of ['api/generated/client.ts', 'api/src/legacy/old.ts', 'web/scripts/deploy.ts']) assert.ok(!reported.includes(hidden), hidden);
    if (symlinkLoop) assert.ok(!reported.some((path) => path.includes('/loop/')), 'a file was reached again through the loop');
  });

  test('binary and oversized files are listed as skipped, and the oversized one is called unverified', async () => {
    const model = await report('en');
    assert.deepEqual(model.skipped.map(({ folder, path, reason }) => [folder, path, reason]), [
      ['web', 'src/bundle.js', 'too-large'],
      ['web', 'src/logo.ts', 'binary'],
    ]);
    assert.equal(model.unverifiedFiles, 1);
    assert.ok(model.feasibility.reasons.some((reason) => reason.kind === 'unverified-files'));
  });

  test('feasibility follows the rules: without the guardrail file (excluded), the workspace is MEDIUM', async () => {
    const model = await report('en', [folder('api', ['**/legacy', 'src/guard.ts']), folder('web', ['scripts/**'])]);
    assert.equal(model.feasibility.level, 'MEDIUM');
    assert.deepEqual(model.feasibility.reasons.map((reason) => reason.kind), ['manual-steps', 'no-equivalent-outside-runtime', 'unverified-files']);
  });

  test('include narrows the scan to matching files', async () => {
    const model = await report('en', [folder('api', [], { include: ['src/**'] }), folder('web', [], { include: ['**/*.md'] })]);
    assert.deepEqual(model.files.map((file) => file.path), ['src/chat.ts', 'src/guard.ts', 'src/legacy/old.ts']);
  });

  test('a second scan with the session cache gives the same report and picks up a changed file', async () => {
    const cache = new ReportCache();
    const first = renderMarkdown(await report('en', folders(), cache));
    assert.ok(cache.size >= ANALYSED.length);
    assert.equal(renderMarkdown(await report('en', folders(), cache)), first);
    const chat = join(workspace, 'api', 'src', 'chat.ts');
    const original = readFileSync(chat, 'utf8');
    try {
      writeFileSync(chat, `${original}export const second = new BedrockRuntimeClient({});\n`);
      const changed = await report('en', folders(), cache);
      const chatSection = changed.files.find((file) => file.path === 'src/chat.ts');
      assert.equal(chatSection?.findings.at(-1)?.ruleId, 'bedrock/runtime-client');
      assert.equal(chatSection?.findings.at(-1)?.start.line, 11);
    } finally {
      writeFileSync(chat, original);
    }
  });
});

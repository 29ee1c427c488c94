// The report refines a script with a fixable finding on the analysis's own parse, while it has it
// (report/io/analyzeReportFile.ts), instead of parsing and analysing the text again when the folder's migration plan
// asks (report/io/planReportFolder.ts). Oracle: on every file of the fixture projects, the examples, the fix fixtures
// and generated workspaces, in both locales and with and without endpoint mappings, the refinement the plan is handed
// is the one made from the text alone, as the report made it before; and the plan is handed one for every such file.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateWorkspace } from '../../bench/generate';
import { forgetFixResults, refineFixability } from '../../server/src/engine/fixes';
import { isScriptLanguage } from '../../server/src/engine/languages';
import { type Locale, withLocale } from '../../server/src/engine/l10n';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/engine/settings';
import type { EngineSettings } from '../../server/src/engine/types';
import { walkReportFolder } from '../../server/src/report/io';
import { analyzeReportFile } from '../../server/src/report/io/analyzeReportFile';
import type { ReportScanFolder } from '../../server/src/report/io/reportScanFolder';
import { keptRefinement, mayRefine } from '../../server/src/report/io/reportRefinement';
import { PackageContexts } from '../../server/src/workspace/packageContexts';
import { readSourceFileSync } from '../../server/src/workspace/readSourceFile';

const REPO = join(__dirname, '..', '..');
const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** Settings that map the models the fixtures use, so the refinement's unmapped-model notes differ from the defaults'. */
const MAPPED = normalizeSettings({
  targetRegion: 'cn-north-1',
  endpoints: {
    'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama3-8b', container: 'lmi' },
    'mistral.mistral-7b-instruct-v0:2': { endpointName: 'mistral-7b', container: 'tgi' },
    'anthropic.claude-3-haiku-20240307-v1:0': { endpointName: 'haiku', container: 'tgi' },
  },
});

function folderOf(root: string, settings: EngineSettings): ReportScanFolder {
  return { name: 'oracle', root, settings, maxFileSizeBytes: 1024 * 1024, exclude: [], include: [] };
}

interface Counts {
  refined: number;
  changed: number;
}

/** Every file of `root` through the report's analysis, its kept refinement compared with one made from the text alone. */
async function compareRefinements(root: string, settings: EngineSettings, locale: Locale, counts: Counts): Promise<void> {
  const folder = folderOf(root, settings);
  const packages = new PackageContexts(root);
  for await (const entry of walkReportFolder(root, folder)) {
    if (entry.kind !== 'file') continue;
    const file = readSourceFileSync(entry, { maxFileSizeBytes: folder.maxFileSizeBytes });
    if (file.kind !== 'source' || !isScriptLanguage(file.languageId)) continue;
    const analysis = await analyzeReportFile(file, folder, { locale }, packages);
    if (!mayRefine(analysis.findings)) continue;
    const place = { path: file.relativePath, languageId: file.languageId, packageContext: packages.contextOf(file.absolutePath), settings, locale };
    const kept = keptRefinement(analysis.findings, place);
    assert.ok(kept, `${root}/${file.relativePath}: no refinement made on the analysis's parse`);
    const input = {
      text: file.text, languageId: file.languageId, settings, fileName: file.relativePath, workspaceRelativePath: file.relativePath, packageContext: place.packageContext,
    };
    // The engine keeps the checks of the last text it refined: dropped, or they would answer for this refinement.
    forgetFixResults();
    const fromText = withLocale(locale, () => refineFixability(input, analysis.findings));
    assert.deepStrictEqual(kept, fromText, `${root}/${file.relativePath} (${locale}): the refinement on the analysis's parse differs`);
    counts.refined++;
    if (fromText.some((finding, index) => finding !== analysis.findings[index])) counts.changed++;
  }
}

function projectRoots(): string[] {
  const projects = join(REPO, 'test', 'projects');
  const folders = readdirSync(projects, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'support');
  return [...folders.map((entry) => join(projects, entry.name)), join(REPO, 'examples'), join(REPO, 'test', 'fixtures')];
}

/** The project's own settings file where it has one (the fixture projects map their models there). */
function projectSettings(root: string): EngineSettings | undefined {
  const config = join(root, 'bedrock-to-sagemaker.config.json');
  return existsSync(config) ? normalizeSettings(JSON.parse(readFileSync(config, 'utf8'))) : undefined;
}

describe('report refinement on the analysis\'s parse', { timeout: 300_000 }, () => {
  let generated: string;
  before(() => {
    generated = mkdtempSync(join(tmpdir(), 'b2s-report-refinement-'));
    // Two shares of Bedrock files: the second puts several into each folder, so packages hold more than one.
    generateWorkspace(join(generated, 'sparse'), 200, 0.1);
    generateWorkspace(join(generated, 'dense'), 200, 0.6);
  });
  after(() => rmSync(generated, { recursive: true, force: true }));

  for (const locale of LOCALES) {
    test(`fixture projects, examples and fix fixtures (${locale}): the same refinement as from the text alone`, async () => {
      const counts = { refined: 0, changed: 0 };
      for (const root of projectRoots()) {
        for (const settings of [DEFAULT_SETTINGS, MAPPED, projectSettings(root)]) {
          if (settings) await compareRefinements(root, settings, locale, counts);
        }
      }
      // The fixtures must exercise the refinement: many files refined, and many whose findings it changed.
      assert.ok(counts.refined > 300, `only ${counts.refined} files refined`);
      assert.ok(counts.changed > 50, `only ${counts.changed} refinements changed a finding`);
    });

    test(`generated workspaces (${locale}): the same refinement as from the text alone`, async () => {
      const counts = { refined: 0, changed: 0 };
      for (const name of ['sparse', 'dense']) {
        for (const settings of [DEFAULT_SETTINGS, MAPPED]) await compareRefinements(join(generated, name), settings, locale, counts);
      }
      assert.ok(counts.refined > 100, `only ${counts.refined} files refined`);
    });
  }
});

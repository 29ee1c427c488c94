// Golden fixtures: test/fixtures/markdown/<case>.md → <case>.findings.json (and <case>.output.md after
// "fix all" when that file exists; <case>.settings.json overrides the settings). Enumerated automatically. Each
// document is analysed under its fixture file name (CHANGELOG.md is a history document).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { markdownFixAll } from '../../server/src/engine/markdown/fixes';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { normalizeSettings } from '../../server/src/engine/settings';
import { analyzeMarkdownText, applyEdits, expectedFile, toGolden } from './markdownSupport';

const FIXTURES = join(__dirname, '..', 'fixtures', 'markdown');
const cases = readdirSync(FIXTURES).filter((name) => name.endsWith('.md') && !name.endsWith('.output.md')).map((name) => name.slice(0, -3)).sort();

describe('Markdown golden fixtures', () => {
  before(() => initPythonParser());

  it('has fixtures to run', () => {
    assert.ok(cases.length >= 20, `only ${cases.length} cases found in ${FIXTURES}`);
  });

  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, `${name}.md`), 'utf8');
      const settingsPath = join(FIXTURES, `${name}.settings.json`);
      const settings = normalizeSettings(existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {});
      // The fixture's own name: `CHANGELOG.md` is analysed as a history document.
      const result = analyzeMarkdownText(text, settings, `${name}.md`);
      assert.equal(result.skipped, undefined, `skipped: ${result.skipped?.message}`);
      const actual = JSON.stringify(toGolden(text, result.findings), null, 2) + '\n';
      const expected = expectedFile(join(FIXTURES, `${name}.findings.json`), actual);
      assert.ok(expected !== undefined, `missing ${name}.findings.json (run with UPDATE_GOLDEN=1 and review it)`);
      assert.deepEqual(JSON.parse(actual), JSON.parse(expected));

      const outputPath = join(FIXTURES, `${name}.output.md`);
      if (!existsSync(outputPath) && process.env.UPDATE_GOLDEN !== '1') return;
      const fix = markdownFixAll({ text, languageId: 'markdown', settings }, result.findings);
      const fixed = fix ? applyEdits(text, fix.edits) : text;
      if (!existsSync(outputPath) && fixed === text) return;
      assert.equal(fixed, expectedFile(outputPath, fixed));
    });
  }
});

// Golden fixtures for the script detectors. Every `test/fixtures/rules/<rule>/<case>.<ext>` is analysed and its
// findings are compared (deep equality: a missing or an extra finding fails) with `<case>.<ext>.expected.json`
// beside it. An optional `<case>.<ext>.settings.json` overrides settings (targetRegion, endpoints, rules).
//
// Expected entries are `{ ruleId, line, column, endLine, endColumn, text }`: 1-based line and column as an editor
// shows them, `endColumn` just past the last character (like ESLint), and `text` the exact source slice.
//
// `<case>.package.json` fixtures are analysed as a package.json (file name `package.json` in their folder).
//
// UPDATE_GOLDEN=1 node test/run-node-tests.mjs test/unit  rewrites the expected files from what the engine does.
// Review every rewritten file by eye: an expected file states what is right, not what the code happens to do.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { allRules } from '../../server/src/engine/rules';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { LanguageId, RuleId } from '../../server/src/engine/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');
/** Fixtures in this folder must produce no finding at all: they guard precision. */
const NO_FINDINGS_FOLDER = 'no-findings';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PACKAGE_JSON_SUFFIX = '.package.json';

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
};

interface ExpectedFinding {
  ruleId: RuleId;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

interface Fixture {
  folder: string;
  path: string;
  languageId: LanguageId;
}

function listFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const folder of readdirSync(FIXTURES).sort()) {
    for (const entry of readdirSync(join(FIXTURES, folder)).sort()) {
      const extension = entry.slice(entry.lastIndexOf('.') + 1);
      const languageId = entry.endsWith(PACKAGE_JSON_SUFFIX) ? 'json' : LANGUAGE_BY_EXTENSION[extension];
      if (languageId) fixtures.push({ folder, path: join(FIXTURES, folder, entry), languageId });
    }
  }
  return fixtures;
}

/** 1-based line/column of a UTF-16 offset; `\r\n`, `\n` and `\r` end a line, as in the TypeScript scanner. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n that follows ends the line
    if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function run(fixture: Fixture): ExpectedFinding[] {
  const text = readFileSync(fixture.path, 'utf8');
  const settingsPath = `${fixture.path}.settings.json`;
  const settings = normalizeSettings(existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {});
  const fileName = fixture.languageId === 'json' ? join(dirname(fixture.path), 'package.json') : fixture.path;
  const result = analyze({ text, languageId: fixture.languageId, settings, fileName });
  assert.equal(result.skipped, undefined, `${fixture.path} was skipped`);
  return result.findings.map((finding) => {
    const start = position(text, finding.range.start);
    const end = position(text, finding.range.end);
    return {
      ruleId: finding.ruleId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
      text: text.slice(finding.range.start, finding.range.end),
    };
  });
}

const fixtures = listFixtures();
const ruleIds = new Set<string>(allRules().map((rule) => rule.id));

describe('golden detector fixtures', () => {
  test('the fixture folders exist and are named after rules', () => {
    assert.ok(fixtures.length > 0, `no fixtures under ${FIXTURES}`);
    for (const folder of new Set(fixtures.map((f) => f.folder))) {
      assert.ok(folder === NO_FINDINGS_FOLDER || ruleIds.has(`bedrock/${folder}`), `folder ${folder} is not a rule name`);
    }
  });

  test('every expected and settings file belongs to a fixture', () => {
    const sources = new Set(fixtures.map((fixture) => fixture.path));
    for (const folder of readdirSync(FIXTURES)) {
      for (const entry of readdirSync(join(FIXTURES, folder))) {
        const companion = /^(.*)\.(?:expected|settings)\.json$/.exec(entry);
        if (companion) assert.ok(sources.has(join(FIXTURES, folder, companion[1])), `${folder}/${entry} has no fixture beside it`);
      }
    }
  });

  for (const fixture of fixtures) {
    const name = relative(FIXTURES, fixture.path);
    test(name, () => {
      const actual = run(fixture);
      const expectedPath = `${fixture.path}.expected.json`;
      if (UPDATE) writeFileSync(expectedPath, serialize(actual));
      assert.ok(existsSync(expectedPath), `missing ${relative(process.cwd(), expectedPath)} (run with UPDATE_GOLDEN=1, then review it)`);
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedFinding[];
      assert.deepEqual(actual, expected);
      if (fixture.folder === NO_FINDINGS_FOLDER) {
        assert.deepEqual(expected, [], 'fixtures in no-findings/ must expect no finding');
      } else {
        const rule = `bedrock/${fixture.folder}`;
        assert.ok(expected.some((finding) => finding.ruleId === rule), `a fixture in ${fixture.folder}/ must expect at least one ${rule} finding`);
      }
    });
  }
});

/** One finding per line, so a golden diff reads like a list of findings. */
function serialize(findings: ExpectedFinding[]): string {
  if (findings.length === 0) return '[]\n';
  return `[\n${findings.map((finding) => `  ${JSON.stringify(finding)}`).join(',\n')}\n]\n`;
}

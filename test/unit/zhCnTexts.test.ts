// Golden zh-cn texts: the migration note of every note rule's fixtures, and what the Chinese report prints per rule
// (title, and the alternative of a finding made in English). The l10n bundle is their one source, so a changed
// translation shows up here as a diff to review.
// UPDATE_GOLDEN=1 node --import tsx --test test/unit/zhCnTexts.test.ts  rewrites test/fixtures/zh-cn/*.json.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { noteText } from '../../server/src/engine/fixes';
import { NOTE_RULES } from '../../server/src/engine/fixes/support/migrationNote';
import { withLocale } from '../../server/src/engine/l10n';
import { allRules } from '../../server/src/engine/rules';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { LanguageId } from '../../server/src/engine/types';
import { findingEquivalent, ruleTitle } from '../../server/src/report/localize';

const RULE_FIXTURES = join(__dirname, '..', 'fixtures', 'rules');
const EXPECTED = join(__dirname, '..', 'fixtures', 'zh-cn');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LANGUAGES: Readonly<Record<string, LanguageId>> = { '.ts': 'typescript', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript' };
const CJK = /[\u3400-\u9fff]/;
const NONE_PREFIX_ZH = withLocale('zh-cn', () => allRules().find((rule) => rule.id === 'bedrock/guardrail')!.equivalent()).split('：')[0];

function assertGolden(name: string, actual: unknown): void {
  const file = join(EXPECTED, name);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (UPDATE || !existsSync(file)) {
    assert.ok(UPDATE, `${file} is missing: run with UPDATE_GOLDEN=1 and review it`);
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, text);
  }
  assert.equal(text, readFileSync(file, 'utf8'));
}

test('zh-cn migration notes of every note rule (golden), each naming the alternative once', () => {
  const settings = normalizeSettings({});
  const notes: Record<string, string> = {};
  for (const rule of [...NOTE_RULES].sort()) {
    const folder = join(RULE_FIXTURES, rule.replace('bedrock/', ''));
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const languageId = LANGUAGES[extname(name)];
      if (!languageId) continue;
      const text = readFileSync(join(folder, name), 'utf8');
      withLocale('zh-cn', () => {
        for (const finding of analyze({ text, languageId, settings, fileName: name }).findings) {
          if (finding.ruleId !== rule) continue;
          const note = noteText(finding, settings.targetRegion);
          notes[`${rule} ${name}@${finding.range.start}`] = note;
          assert.match(note, CJK, note);
          assert.ok(note.split(NONE_PREFIX_ZH).length <= 2, `the "none" prefix is repeated: ${note}`);
        }
      });
    }
  }
  assert.ok(Object.keys(notes).length >= NOTE_RULES.size, 'every note rule has a fixture with a note');
  assertGolden('migration-notes.json', notes);
});

test('the Chinese report takes every rule title and alternative from the l10n bundle (golden)', () => {
  const texts: Record<string, { title: string; equivalent: string; noEquivalent?: string }> = {};
  for (const rule of allRules()) {
    const englishEquivalent = withLocale('en', () => rule.equivalent());
    const finding = { ruleId: rule.id, category: rule.category, fixable: false, equivalent: englishEquivalent, data: {} };
    const title = ruleTitle('zh-cn', rule.id);
    const equivalent = findingEquivalent('zh-cn', finding);
    assert.equal(title, withLocale('zh-cn', () => rule.title()));
    assert.match(title, CJK, `${rule.id} has no Chinese title`);
    assert.ok(!equivalent.startsWith(NONE_PREFIX_ZH), `${rule.id}: the report repeats the "none" prefix: ${equivalent}`);
    // A finding of the rule refined to "no equivalent" (a closed-weight model id, LangChain's BedrockEmbeddings).
    const noEquivalent = findingEquivalent('zh-cn', { ...finding, category: 'no-equivalent' });
    texts[rule.id] = { title, equivalent, ...(noEquivalent !== equivalent ? { noEquivalent } : {}) };
  }
  assertGolden('report-rule-texts.json', texts);
});

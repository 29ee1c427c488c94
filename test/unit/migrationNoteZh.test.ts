// The migration note names the alternative once, in Chinese too: the "none:" prefix of the rule's equivalent is
// localised, so it is removed with the catalogue's own helper, not an English-only pattern.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { noteText } from '../../server/src/engine/fixes';
import { setLocale } from '../../server/src/engine/l10n';
import { normalizeSettings } from '../../server/src/engine/settings';

test('a zh-cn migration note states the alternative without a doubled prefix', () => {
  setLocale('zh-cn');
  try {
    const text = "import { BedrockRuntimeClient, ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';\nconst c = new BedrockRuntimeClient({});\nexport const g = () => c.send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));\n";
    const finding = analyze({ text, languageId: 'typescript', settings: normalizeSettings({}) }).findings.find((candidate) => candidate.ruleId === 'bedrock/guardrail');
    assert.ok(finding);
    const note = noteText(finding, 'cn-northwest-1');
    assert.match(note, /[\u4e00-\u9fff]/, note);
    const prefix = /无等效服务/g;
    assert.ok((note.match(prefix) ?? []).length <= 1, `the "none" prefix is repeated: ${note}`);
    assert.ok(!note.includes('替代方案：无等效服务'), note);
  } finally {
    setLocale('en');
  }
});

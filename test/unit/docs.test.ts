// docs/rules.md is what "Explain this finding" opens: every rule the engine can report must be documented there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules, ruleDocUrl } from '../../server/src/engine/rules';
import { ruleLocations, withRuleLocations } from '../../scripts/rule-locations';

const rulesDoc = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');

test('every rule has a section, an anchor matching ruleDocUrl and a row in the summary table', () => {
  for (const rule of allRules()) {
    const anchor = ruleDocUrl(rule.id).split('#')[1];
    assert.ok(rulesDoc.includes(`<a id="${anchor}"></a>`), `no anchor for ${rule.id}`);
    assert.ok(rulesDoc.includes(`## \`${rule.id}\``), `no section for ${rule.id}`);
    assert.ok(rulesDoc.includes(`| [\`${rule.id}\`](#${anchor}) | ${rule.defaultSeverity} |`), `no table row (or wrong severity) for ${rule.id}`);
  }
});

test('the document names no rule the engine does not have', () => {
  const known = new Set(allRules().map((rule) => rule.id));
  const documented = [...rulesDoc.matchAll(/^## `([\w/-]+)`$/gm)].map((match) => match[1]);
  assert.deepEqual(documented.filter((id) => !known.has(id as never)), []);
  assert.equal(documented.length, known.size);
});

test('each rule says where it is detected and fixed, as the detectors and fixes declare it (npm run docs:rules rewrites it)', () => {
  const locations = ruleLocations();
  assert.equal(rulesDoc, withRuleLocations(rulesDoc, locations), 'docs/rules.md is stale: run npm run docs:rules');
  for (const [rule, { detectedIn }] of locations) assert.notEqual(detectedIn.length, 0, `no detector declares ${rule}`);
});

test('a stale location line is caught and rewritten', () => {
  const stale = rulesDoc.replace(/^- \*\*Detected in:\*\* .*$/m, '- **Detected in:** [gone.ts](../server/src/engine/gone.ts)');
  assert.notEqual(stale, rulesDoc);
  assert.equal(withRuleLocations(stale), rulesDoc);
});

// The "not fixed" message parts are formatted once per reason and locale (fixes/index.ts, localizedOnce): the
// message still follows the locale when it changes, and each reason keeps its own text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notFixed, waitingForSyntax } from '../../server/src/engine/fixes';
import { withLocale } from '../../server/src/engine/l10n';
import type { Finding } from '../../server/src/engine/types';

const finding: Finding = {
  ruleId: 'bedrock/converse', range: { start: 10, end: 20 }, severity: 'warning', category: 'has-equivalent', message: 'A call.',
  equivalent: 'InvokeEndpoint', fixable: true, data: { ruleId: 'bedrock/converse' },
};

test('a refused finding says why in the current locale, after the locale changed too', () => {
  const english = waitingForSyntax([finding])[0].message;
  assert.match(english, /^A call\. Not fixed automatically: .+\.$/);
  const chinese = withLocale('zh-cn', () => waitingForSyntax([finding])[0].message);
  assert.match(chinese, /^A call\. 未自动修复：.*[\u4e00-\u9fff]/);
  assert.equal(waitingForSyntax([finding])[0].message, english, 'back in English');
});

test('each reason keeps its own text', () => {
  const one = notFixed(finding, 'reason one');
  const two = notFixed(finding, 'reason two');
  assert.equal(one.message, 'A call. Not fixed automatically: reason one.');
  assert.equal(two.message, 'A call. Not fixed automatically: reason two.');
  assert.equal(notFixed(finding, 'reason one').message, one.message);
  assert.deepEqual([one.fixable, one.data.notFixed, two.data.notFixed], [false, 'reason one', 'reason two']);
});

// The engine's `t` keeps the texts it formatted: it must give what `@vscode/l10n`'s `t` gives, in each locale, for
// arguments that change and come back, however many a key has seen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as vscodeL10n from '@vscode/l10n';
import { setLocale, t, withLocale } from '../../server/src/engine/l10n';

const KEY = 'Bedrock {0} is not available in {1}. Call {2} on your SageMaker endpoint instead.';

const direct = (...args: string[]) => vscodeL10n.t(KEY, ...args);

test('t gives the text l10n.t gives, in each locale, as arguments change, come back and outnumber what it keeps', () => {
  const calls: string[][] = [];
  for (let i = 0; i < 20; i++) calls.push(['Converse', `region-${i % 11}`, 'InvokeEndpoint'], ['Converse', 'cn-north-1', 'InvokeEndpoint']);
  calls.push(['Converse', 'cn-north-1'], ['Converse', 'cn-north-1', 'InvokeEndpoint', 'extra']);
  try {
    for (const locale of ['en', 'zh-cn', 'en'] as const) {
      setLocale(locale);
      for (const args of calls) assert.equal(t(KEY, ...args), direct(...args), `${locale}: ${args.join(', ')}`);
    }
    setLocale('en');
    const english = t(KEY, 'Converse', 'cn-north-1', 'InvokeEndpoint');
    const chinese = withLocale('zh-cn', () => t(KEY, 'Converse', 'cn-north-1', 'InvokeEndpoint'));
    assert.notEqual(chinese, english, 'a text kept in one locale is not given in another');
    assert.equal(t(KEY, 'Converse', 'cn-north-1', 'InvokeEndpoint'), english);
  } finally {
    setLocale('en');
  }
});

test('t without arguments gives the catalog text, and the key itself where the catalog has none', () => {
  try {
    for (const locale of ['zh-cn', 'en'] as const) {
      setLocale(locale);
      assert.equal(t('Bedrock Converse call'), vscodeL10n.t('Bedrock Converse call'));
      assert.equal(t('a key no catalog has {0}', 'x'), 'a key no catalog has x');
    }
  } finally {
    setLocale('en');
  }
});

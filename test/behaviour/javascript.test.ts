import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor } from '../helpers/standins/scriptedModel';
import { compareBehaviour } from './compareBehaviour';

// JavaScript files get the adapter as JavaScript (transpiled from the same template), as an ES module or as
// CommonJS to match how the file loads modules.

describe('JavaScript programs and the JavaScript adapter', () => {
  it('an ES module (.mjs, top-level await) using Converse', async () => {
    const { original, rewritten } = await compareBehaviour('converse-esm-program', { 'llama3-8b': { container: 'lmi' } });
    assert.equal(original.stdout, `${answerFor({ text: 'Name three rivers in China.', maxTokens: 64 })}\ntrue true\n`);
    assert.equal(rewritten.stdout, original.stdout);
  });

  it('a CommonJS file (require) streaming with ConverseStream from a TGI container', async () => {
    const { original, rewritten } = await compareBehaviour('converse-commonjs', { 'llama3-8b': { container: 'tgi', partSize: 6 } });
    assert.equal(original.stdout, `${answerFor({ text: 'Count to five.', maxTokens: undefined })}\n`);
    assert.equal(rewritten.stdout, original.stdout);
  });
});

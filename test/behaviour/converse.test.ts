import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor, tokenCount } from '../helpers/standins/scriptedModel';
import { compareBehaviour } from './compareBehaviour';

describe('Converse rewritten to the adapter behaves like Bedrock', () => {
  it('prints the same answer, stop reason and token usage (LMI container)', async () => {
    const { original, rewritten, requests } = await compareBehaviour('converse', { 'llama3-8b': { container: 'lmi' } });
    const question = { text: 'What is the capital of France?', maxTokens: 256 };
    const answer = answerFor(question);
    const expected = `${answer}\nend_turn ${tokenCount(question.text) + tokenCount(answer)}\n`;
    assert.equal(original.stdout, expected);
    assert.equal(rewritten.stdout, original.stdout);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].endpointName, 'llama3-8b');
    assert.deepEqual(requests[0].body, {
      messages: [{ role: 'user', content: 'What is the capital of France?' }], max_tokens: 256, temperature: 0.2,
    });
  });
});

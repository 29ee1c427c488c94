import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor, reasoningFor } from '../helpers/standins/scriptedModel';
import { compareBehaviour } from './compareBehaviour';

// DeepSeek-R1 on Bedrock returns its reasoning as a reasoningContent block; on SageMaker the container returns it
// in vLLM's reasoning field or inline between <think> tags. The adapter must give back the same blocks.

describe('reasoning models through the adapter', () => {
  const question = { text: 'Is 97 a prime number?', maxTokens: 2048 };
  const expected = `[thinking] ${reasoningFor(question)}\n${answerFor(question)}\nend_turn\n`;

  it('Converse: reasoning_content field (vLLM reasoning parser)', async () => {
    const { original, rewritten } = await compareBehaviour('converse-reasoning', { 'deepseek-r1': { container: 'lmi', reasoning: 'reasoning_content' } });
    assert.equal(original.stdout, expected);
    assert.equal(rewritten.stdout, original.stdout);
  });

  it('Converse: <think> tags inside the content (no reasoning parser)', async () => {
    const { original, rewritten } = await compareBehaviour('converse-reasoning', { 'deepseek-r1': { container: 'lmi', reasoning: 'think-tags' } });
    assert.equal(rewritten.stdout, original.stdout);
  });

  it('ConverseStream: <think> tags split across TGI server-sent events and PayloadParts', async () => {
    const { original, rewritten } = await compareBehaviour('converse-stream-reasoning', { 'deepseek-r1-tgi': { container: 'tgi', reasoning: 'think-tags', partSize: 9 } });
    const streamed = { text: 'Why do leaves change colour?', maxTokens: 1024 };
    assert.equal(original.stdout, `stop: end_turn\nreasoning: ${reasoningFor(streamed)}\nanswer: ${answerFor(streamed)}\n`);
    assert.equal(rewritten.stdout, original.stdout);
  });

  it('ConverseStream: reasoning_content deltas from an LMI container', async () => {
    const { original, rewritten } = await compareBehaviour('converse-stream-reasoning', { 'deepseek-r1-tgi': { container: 'lmi', reasoning: 'reasoning_content', partSize: 4 } });
    assert.equal(rewritten.stdout, original.stdout);
  });
});

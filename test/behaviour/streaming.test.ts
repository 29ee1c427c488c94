import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor, tokenCount } from '../helpers/standins/scriptedModel';
import { compareBehaviour } from './compareBehaviour';

// The SageMaker stand-in cuts its byte stream into small PayloadParts, so JSON lines, SSE events and UTF-8
// characters are split across parts, as they are on real endpoints.

describe('streaming rewrites behave like Bedrock', () => {
  it('ConverseStream → adapter events (LMI JSON lines, usage from include_usage)', async () => {
    const { original, rewritten, requests } = await compareBehaviour('converse-stream', { 'llama31-chat': { container: 'lmi', partSize: 7 } });
    const question = { text: '用一句话介绍长城。', maxTokens: 200, system: 'Answer in one short paragraph.' };
    const answer = answerFor(question);
    assert.equal(original.stdout, `${answer}\n[end_turn] tokens in=${tokenCount(question.text)} out=${tokenCount(answer)}\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.equal(requests[0].stream, true);
    assert.equal(requests[0].body.stream, true);
    assert.deepEqual(requests[0].body.stream_options, { include_usage: true });
  });

  it('InvokeModelWithResponseStream (Llama) → PayloadPart lines from an LMI container', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-stream-llama', { 'llama3-70b': { container: 'lmi', partSize: 5 } });
    assert.equal(original.stdout, `${answerFor({ text: 'Write a haiku about 北京 in spring.', maxTokens: 128 })}\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.deepEqual(requests[0].body, { inputs: 'Write a haiku about 北京 in spring.', parameters: { max_new_tokens: 128 }, stream: true });
  });

  it('InvokeModelWithResponseStream (Llama) → TGI server-sent events, special end token skipped, Bedrock\'s default max_gen_len kept', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-stream-tgi', { 'llama3-70b-tgi': { container: 'tgi', partSize: 11 } });
    assert.equal(original.stdout, `${answerFor({ text: 'Summarise the plot of Journey to the West.', maxTokens: 512 })}\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.deepEqual(requests[0].body.parameters, { max_new_tokens: 512 });
  });

  it('InvokeModelWithResponseStream (Mistral) → TGI schema with stream: true, outputs[0].text read with streamedText', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-stream-mistral', { 'mistral-7b': { container: 'tgi', partSize: 7 } });
    const prompt = '<s>[INST] Name three rivers. [/INST]';
    assert.equal(original.stdout, `${answerFor({ text: prompt, maxTokens: 100 })}\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.deepEqual(requests[0].body, { inputs: prompt, parameters: { max_new_tokens: 100 }, stream: true });
  });
});

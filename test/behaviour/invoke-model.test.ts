import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFor } from '../helpers/standins/scriptedModel';
import { compareBehaviour } from './compareBehaviour';

describe('InvokeModel rewritten to InvokeEndpoint behaves like Bedrock', () => {
  it('Meta Llama: TGI-schema body with max_new_tokens, .generated_text read, inference component (LMI)', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-llama', { 'llama3-8b': { container: 'lmi' } });
    const prompt = '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\nWhy is the sky blue?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n';
    assert.equal(original.stdout, `${answerFor({ text: prompt, maxTokens: 300 })}\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.equal(requests[0].headers['x-amzn-sagemaker-inference-component'], 'llama3-8b-ic');
    assert.deepEqual(requests[0].body, { inputs: prompt, parameters: { max_new_tokens: 300, temperature: 0.5, do_sample: true } });
  });

  it('DeepSeek-R1: completions body unchanged, finish_reason read instead of stop_reason', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-deepseek', { 'deepseek-r1-distill': { container: 'lmi' } });
    const question = { text: 'Explain recursion in one sentence.', maxTokens: 512 };
    assert.equal(original.stdout, `${answerFor(question)}\nstopped: stop\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.equal(requests[0].endpointName, 'deepseek-r1-distill');
    assert.deepEqual(requests[0].body, { prompt: question.text, max_tokens: 512, temperature: 0.6 });
  });

  const mistralPrompt = '<s>[INST] Name three rivers. [/INST]';
  const mistralBody = { inputs: mistralPrompt, parameters: { max_new_tokens: 200, temperature: 0.5, top_p: 0.9, top_k: 50, stop: ['</s>'], do_sample: true, details: true } };

  it('Mistral on LMI: TGI-schema body (not a completions body, which LMI answers with 424), outputs[0].text → generated_text, stop_reason from details.finish_reason', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-mistral', { 'mistral-7b': { container: 'lmi' } });
    assert.equal(original.stdout, `${answerFor({ text: mistralPrompt, maxTokens: 200 })}\nstopped: stop\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.equal(requests[0].endpointName, 'mistral-7b');
    assert.deepEqual(requests[0].body, mistralBody);
  });

  it('Mixtral on TGI: the same body, the array response read as [0].generated_text', async () => {
    const { original, rewritten, requests } = await compareBehaviour('invoke-model-mixtral-tgi', { 'mixtral-8x7b': { container: 'tgi' } });
    assert.equal(original.stdout, `${answerFor({ text: mistralPrompt, maxTokens: 200 })}\nstopped: stop\n`);
    assert.equal(rewritten.stdout, original.stdout);
    assert.deepEqual(requests[0].body, mistralBody);
  });
});

// The Vercel AI SDK provider module the bedrock/ai-sdk fix writes into a package, run as users run it: the real `ai`
// (generateText, streamText, tools) over the real SageMaker Runtime client against the loopback LMI and TGI stand-ins.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { createSageMaker } from '../../server/src/engine/fixes/templates/sagemaker-ai-sdk-provider';
import { answerFor, reasoningFor, tokenCount } from '../helpers/standins/scriptedModel';
import { type SageMakerStandin, startSageMakerStandin } from '../helpers/standins/sageMakerStandin';

let standin: SageMakerStandin;

before(async () => {
  standin = await startSageMakerStandin({
    lmi: { container: 'lmi', partSize: 7 },
    tgi: { container: 'tgi', partSize: 5 },
    'lmi-reasoning': { container: 'lmi', reasoning: 'reasoning_content' },
    'tgi-think': { container: 'tgi', reasoning: 'think-tags', partSize: 3 },
    broken: { container: 'lmi', partSize: 4, failAfterParts: 3 },
  });
});

after(() => standin.close());

function provider() {
  return createSageMaker({ region: 'cn-north-1', endpoint: standin.url, credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'standin-secret' } });
}

const question = { text: 'Where is Lhasa?', maxTokens: 64, system: 'Be brief.' };

for (const container of ['lmi', 'tgi']) {
  describe(`on ${container}`, () => {
    it('generateText: text, finish reason, usage and the chat-completions body', async () => {
      const result = await generateText({ model: provider()(container), system: question.system, prompt: question.text, maxOutputTokens: 64, temperature: 0.3 });
      const answer = answerFor(question);
      assert.equal(result.text, answer);
      assert.equal(result.finishReason, 'stop');
      assert.deepEqual([result.usage.inputTokens, result.usage.outputTokens], [tokenCount(question.text), tokenCount(answer)]);
      const body = standin.requests.at(-1)!.body;
      assert.deepEqual(body.messages, [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Where is Lhasa?' }]);
      assert.equal(body.max_tokens, 64);
      assert.equal(body.temperature, 0.3);
    });

    it('streamText: the pieces make the answer, with finish reason and usage (lines split across parts)', async () => {
      const result = streamText({ model: provider().languageModel(container), system: question.system, prompt: question.text, maxOutputTokens: 64 });
      const pieces: string[] = [];
      for await (const piece of result.textStream) pieces.push(piece);
      assert.ok(pieces.length > 1, 'streamed in several pieces');
      assert.equal(pieces.join(''), answerFor(question));
      assert.equal(await result.finishReason, 'stop');
      assert.equal((await result.usage).outputTokens, tokenCount(answerFor(question)));
      const request = standin.requests.at(-1)!;
      assert.equal(request.stream, true);
      assert.deepEqual(request.body.stream_options, { include_usage: true });
    });

    it('a tool call: the tool is offered as a function, called with its arguments, its result returned', async () => {
      const weather = tool({
        description: 'The weather in a city',
        inputSchema: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
        execute: async ({ city }) => `Sunny in ${city}`,
      });
      const result = await generateText({ model: provider()(container), prompt: 'Kunming', tools: { weather }, toolChoice: 'required' });
      assert.equal(result.finishReason, 'tool-calls');
      assert.deepEqual(result.toolCalls.map((call) => [call.toolName, call.input]), [['weather', { city: 'Kunming' }]]);
      assert.deepEqual(result.toolResults.map((toolResult) => toolResult.output), ['Sunny in Kunming']);
      const body = standin.requests.at(-1)!.body as { tools: Array<{ function: { name: string; parameters: unknown } }>; tool_choice: unknown };
      assert.deepEqual(body.tools.map((offered) => offered.function.name), ['weather']);
      assert.equal(body.tool_choice, 'required');
    });

    it('a streamed tool call: the argument fragments make one call', async () => {
      const lookup = tool({
        inputSchema: jsonSchema<{ city: string; unit: number }>({ type: 'object', properties: { city: { type: 'string' }, unit: { type: 'number' } } }),
        execute: async ({ city }) => city.length,
      });
      const result = streamText({ model: provider()(container), prompt: 'Dali', tools: { lookup } });
      const deltas: string[] = [];
      for await (const part of result.fullStream) if (part.type === 'tool-input-delta') deltas.push(part.delta);
      assert.ok(deltas.length > 1, 'the arguments came in fragments');
      assert.deepEqual((await result.toolCalls).map((call) => [call.toolName, call.input]), [['lookup', { city: 'Dali' }]]);
      assert.deepEqual((await result.toolResults).map((toolResult) => toolResult.output), [4]);
      assert.equal(await result.finishReason, 'tool-calls');
    });
  });
}

describe('reasoning models', () => {
  it("vLLM's reasoning_content becomes the reasoning text", async () => {
    const result = await generateText({ model: provider()('lmi-reasoning'), prompt: question.text });
    assert.equal(result.reasoningText, reasoningFor({ text: question.text, maxTokens: undefined }));
    assert.equal(result.text, answerFor({ text: question.text, maxTokens: undefined }));
  });

  it('<think> tags split across stream parts become reasoning, the rest text', async () => {
    const result = streamText({ model: provider()('tgi-think'), prompt: question.text });
    let text = '';
    for await (const piece of result.textStream) text += piece;
    assert.equal(text, answerFor({ text: question.text, maxTokens: undefined }));
    assert.equal(await result.reasoningText, reasoningFor({ text: question.text, maxTokens: undefined }));
  });
});

describe('endpoints and failures', () => {
  it('names the inference component when the model has one', async () => {
    await generateText({ model: provider()('lmi', { inferenceComponentName: 'llama-ic' }), prompt: 'hi' });
    assert.equal(standin.requests.at(-1)!.headers['x-amzn-sagemaker-inference-component'], 'llama-ic');
  });

  it("a ModelStreamError in the stream reaches the caller as the stream's error", async () => {
    const errors: unknown[] = [];
    const result = streamText({ model: provider()('broken'), prompt: question.text, onError: ({ error }) => { errors.push(error); } });
    for await (const piece of result.textStream) assert.equal(typeof piece, 'string');
    assert.equal(errors.length, 1);
    assert.match(String((errors[0] as Error).message), /stream broken by the stand-in/);
  });

  it('an unknown endpoint rejects like the SDK does', async () => {
    await assert.rejects(generateText({ model: provider()('missing'), prompt: 'hi', maxRetries: 0 }), /Endpoint not found/);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ResponseStream, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { AIMessage, type AIMessageChunk, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { CHAT_MODEL_TEMPLATE } from '../../server/src/engine/fixes/templates/chatModelTemplate.generated';
import { SageMakerChatModel } from '../../server/src/engine/fixes/templates/sagemaker-chat-model';

// The LangChain.js chat model module the fixes write into users' packages, run in-process on a scripted
// SageMaker Runtime client that records each command and answers like an LMI or TGI container.

interface Recorded {
  command: string;
  input: { EndpointName: string; InferenceComponentName?: string; Body: string };
}

function scriptedClient(reply: (body: Record<string, unknown>) => unknown | AsyncIterable<ResponseStream>): { client: SageMakerRuntimeClient; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Recorded['input'] }) {
      calls.push({ command: command.constructor.name, input: command.input });
      const answer = reply(JSON.parse(command.input.Body) as Record<string, unknown>);
      const streamed = typeof answer === 'object' && answer !== null && Symbol.asyncIterator in answer;
      return { Body: streamed ? answer : new TextEncoder().encode(JSON.stringify(answer)), $metadata: {} };
    },
  };
  return { client: client as unknown as SageMakerRuntimeClient, calls };
}

/** The stream's bytes cut into parts of `size` bytes, so lines (and UTF-8 characters) span parts. */
async function* sliced(text: string, size: number): AsyncGenerator<ResponseStream> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) yield { PayloadPart: { Bytes: bytes.subarray(offset, offset + size) } };
}

const WEATHER = { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

describe('SageMaker chat model: requests', () => {
  it('sends system, human, assistant tool calls and tool results as chat completions, with the model options', async () => {
    const { client, calls } = scriptedClient(() => ({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] }));
    const model = new SageMakerChatModel({
      endpointName: 'ep', inferenceComponentName: 'ic', client, temperature: 0.1, maxTokens: 64, topP: 0.9, additionalModelRequestFields: { top_k: 5 },
    });
    const assistant = new AIMessage({ content: '', tool_calls: [{ id: 'c1', name: 'get_weather', args: { city: 'Lhasa' }, type: 'tool_call' }] });
    await model.bindTools([WEATHER], { tool_choice: 'any' }).invoke([
      new SystemMessage('Be brief.'), new HumanMessage('Weather?'), assistant, new ToolMessage({ tool_call_id: 'c1', content: 'Sunny' }),
    ], { stop: ['END'] });
    assert.equal(calls[0].command, 'InvokeEndpointCommand');
    assert.equal(calls[0].input.EndpointName, 'ep');
    assert.equal(calls[0].input.InferenceComponentName, 'ic');
    assert.deepEqual(JSON.parse(calls[0].input.Body), {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lhasa"}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'Sunny' },
      ],
      max_tokens: 64, temperature: 0.1, top_p: 0.9, stop: ['END'], tools: [WEATHER], tool_choice: 'required', top_k: 5,
    });
  });

  it('forces a tool named by tool_choice', async () => {
    const { client, calls } = scriptedClient(() => ({ choices: [{ message: { content: 'ok' } }] }));
    await new SageMakerChatModel({ endpointName: 'ep', client }).bindTools([WEATHER], { tool_choice: 'get_weather' }).invoke('x');
    assert.deepEqual(JSON.parse(calls[0].input.Body).tool_choice, { type: 'function', function: { name: 'get_weather' } });
  });
});

describe('SageMaker chat model: responses', () => {
  it('returns the text, the tool calls with parsed arguments and the usage metadata', async () => {
    const { client } = scriptedClient(() => ({
      choices: [{ message: { content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lhasa"}' } }] }, finish_reason: 'tool_calls' }],
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
    }));
    const message = await new SageMakerChatModel({ endpointName: 'ep', client }).invoke('Weather in Lhasa?');
    assert.deepEqual(message.tool_calls?.map(({ id, name, args }) => ({ id, name, args })), [{ id: 'c1', name: 'get_weather', args: { city: 'Lhasa' } }]);
    assert.deepEqual(message.usage_metadata, { input_tokens: 7, output_tokens: 3, total_tokens: 10 });
    assert.equal(message.response_metadata.finish_reason, 'tool_calls');
  });
});

describe('SageMaker chat model: streams', () => {
  const lmiLines = [
    { choices: [{ delta: { role: 'assistant', content: '' } }] },
    { choices: [{ delta: { content: 'Ni' } }] },
    { choices: [{ delta: { content: 'ngxia ✓' } }] },
    { choices: [{ delta: { tool_calls: [{ index: 0, id: 'c1', function: { name: 'get_weather', arguments: '{"ci' } }] } }] },
    { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Yinchuan"}' } }] } }] },
    { choices: [{ delta: {}, finish_reason: 'tool_calls' }] },
    { choices: [], usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } },
  ];

  async function streamed(body: string, size: number): Promise<{ full: AIMessageChunk; sent: Record<string, unknown> }> {
    const { client, calls } = scriptedClient(() => sliced(body, size));
    let full: AIMessageChunk | undefined;
    for await (const chunk of await new SageMakerChatModel({ endpointName: 'ep', client }).stream('Tell me')) full = full ? full.concat(chunk) : chunk;
    assert.equal(calls[0].command, 'InvokeEndpointWithResponseStreamCommand');
    return { full: full!, sent: JSON.parse(calls[0].input.Body) as Record<string, unknown> };
  }

  for (const [container, body] of [
    ['LMI JSON lines', lmiLines.map((line) => `${JSON.stringify(line)}\n`).join('')],
    ['TGI server-sent events', `${lmiLines.map((line) => `data: ${JSON.stringify(line)}\r\n\r\n`).join('')}data: [DONE]\n\n`],
  ]) {
    it(`reassembles text, tool call chunks and usage from ${container} split across parts`, async () => {
      const { full, sent } = await streamed(body, 7);
      assert.equal(sent.stream, true);
      assert.deepEqual(sent.stream_options, { include_usage: true });
      assert.equal(full.text, 'Ningxia ✓');
      assert.deepEqual(full.tool_calls?.map(({ name, args }) => ({ name, args })), [{ name: 'get_weather', args: { city: 'Yinchuan' } }]);
      const usage = full.usage_metadata;
      assert.deepEqual([usage?.input_tokens, usage?.output_tokens, usage?.total_tokens], [4, 6, 10]);
    });
  }

  it('throws on a ModelStreamError event', async () => {
    const { client } = scriptedClient(() => (async function* (): AsyncGenerator<ResponseStream> {
      yield { PayloadPart: { Bytes: new TextEncoder().encode('{"choices":[{"delta":{"content":"Hi"}}]}\n') } };
      // The SDK hands the event's fields over as they came off the wire.
      yield { ModelStreamError: { Message: 'stream broken', ErrorCode: 'StreamBroken' } } as unknown as ResponseStream;
    })());
    const model = new SageMakerChatModel({ endpointName: 'ep', client });
    await assert.rejects(async () => {
      for await (const chunk of await model.stream('x')) assert.equal(chunk.text, 'Hi');
    }, /stream broken/);
  });

  it('with streaming: true, invoke streams and returns the whole answer', async () => {
    const { client, calls } = scriptedClient(() => sliced(lmiLines.slice(0, 3).map((line) => `${JSON.stringify(line)}\n`).join(''), 5));
    const message = await new SageMakerChatModel({ endpointName: 'ep', client, streaming: true }).invoke('x');
    assert.equal(calls[0].command, 'InvokeEndpointWithResponseStreamCommand');
    assert.equal(message.text, 'Ningxia ✓');
  });
});

describe('SageMaker chat model: template', () => {
  it('is embedded from the template file (run embed-adapter-template.mjs after editing it)', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'server', 'src', 'engine', 'fixes', 'templates', 'sagemaker-chat-model.ts'), 'utf8');
    assert.equal(CHAT_MODEL_TEMPLATE, source.replace(/\r\n/g, '\n'));
  });
});

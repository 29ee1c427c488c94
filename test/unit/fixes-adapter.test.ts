import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResponseStream, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { adapterModule, relativeSpecifier } from '../../server/src/engine/fixes/support/adapterModule';
import { type PackageContext, defaultPackageContext, extensionStyleFor } from '../../server/src/engine/project/packageContext';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { parseScript } from '../../server/src/engine/script/parse';
import {
  type ConverseStreamOutput, converseOnSageMaker, converseStreamOnSageMaker, payloadLines, sageMakerEndpointFor, streamedText,
} from '../../server/src/engine/fixes/templates/sagemaker-converse';

// The adapter module the fixes write into users' projects, tested in-process against a fake client that
// records the request and answers with a canned container response.

interface Sent {
  name: string;
  input: { EndpointName?: string; InferenceComponentName?: string; Body: string };
  options?: unknown;
}

function fakeClient(answer: unknown | ((sent: Sent) => AsyncIterable<ResponseStream>)): { client: SageMakerRuntimeClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Sent['input'] }, options?: unknown) {
      const record = { name: command.constructor.name, input: command.input, options };
      sent.push(record);
      if (typeof answer === 'function') return { Body: (answer as (sent: Sent) => AsyncIterable<ResponseStream>)(record), $metadata: { httpStatusCode: 200 } };
      return { Body: new TextEncoder().encode(JSON.stringify(answer)), $metadata: { httpStatusCode: 200 } };
    },
  };
  return { client: client as unknown as SageMakerRuntimeClient, sent };
}

async function* parts(...chunks: Array<string | Uint8Array>): AsyncGenerator<ResponseStream> {
  for (const chunk of chunks) yield { PayloadPart: { Bytes: typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk } };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('adapter: Converse request → chat completions', () => {
  it('maps system, messages, inference config, tools, tool results and images', async () => {
    const { client, sent } = fakeClient({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] });
    await converseOnSageMaker(client, {
      EndpointName: 'ep', InferenceComponentName: 'ic', modelId: 'ignored',
      system: [{ text: 'Be brief.' }, { text: 'Use metric units.' }],
      messages: [
        { role: 'user', content: [{ text: 'Weather in Beijing?' }, { image: { format: 'png', source: { bytes: new Uint8Array([1, 2, 3]) } } }] },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'weather', input: { city: 'Beijing' } } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ json: { celsius: 21 } }] } }] },
      ],
      inferenceConfig: { maxTokens: 100, temperature: 0.1, topP: 0.8, stopSequences: ['END'] },
      toolConfig: { tools: [{ toolSpec: { name: 'weather', description: 'Current weather', inputSchema: { json: { type: 'object' } } } }], toolChoice: { any: {} } },
      additionalModelRequestFields: { top_k: 20 },
    });
    assert.equal(sent[0].name, 'InvokeEndpointCommand');
    assert.equal(sent[0].input.EndpointName, 'ep');
    assert.equal(sent[0].input.InferenceComponentName, 'ic');
    assert.deepEqual(JSON.parse(sent[0].input.Body), {
      messages: [
        { role: 'system', content: 'Be brief.\nUse metric units.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Beijing?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'weather', arguments: '{"city":"Beijing"}' } }] },
        { role: 'tool', tool_call_id: 't1', content: '{"celsius":21}' },
      ],
      max_tokens: 100, temperature: 0.1, top_p: 0.8, stop: ['END'],
      tools: [{ type: 'function', function: { name: 'weather', description: 'Current weather', parameters: { type: 'object' } } }],
      tool_choice: 'required', top_k: 20,
    });
  });

  it('passes request options (abortSignal, requestTimeout) to send', async () => {
    const { client, sent } = fakeClient({ choices: [] });
    const options = { abortSignal: new AbortController().signal, requestTimeout: 5000 };
    await converseOnSageMaker(client, { EndpointName: 'ep' }, options);
    assert.equal(sent[0].options, options);
  });

  it('rejects content blocks chat completions cannot carry (JavaScript callers)', async () => {
    const { client } = fakeClient({ choices: [] });
    const document = { document: { name: 'x', format: 'pdf', source: { bytes: new Uint8Array() } } };
    await assert.rejects(converseOnSageMaker(client, { EndpointName: 'ep', messages: [{ role: 'user', content: [document as never] }] }), /'document' has no equivalent/);
  });
});

describe('adapter: chat completion → Converse output', () => {
  it('returns text, usage, measured latency and the SageMaker metadata', async () => {
    const { client } = fakeClient({ choices: [{ message: { content: 'Paris.' }, finish_reason: 'stop', stop_reason: null }], usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } });
    const output = await converseOnSageMaker(client, { EndpointName: 'ep', messages: [] });
    assert.deepEqual(output.output, { message: { role: 'assistant', content: [{ text: 'Paris.' }] } });
    assert.deepEqual(output.usage, { inputTokens: 7, outputTokens: 2, totalTokens: 9 });
    assert.equal(output.stopReason, 'end_turn');
    assert.equal(typeof output.metrics?.latencyMs, 'number');
    assert.equal(output.$metadata.httpStatusCode, 200);
  });

  it('maps finish reasons to Bedrock stop reasons', async () => {
    const cases: Array<[string, string | null, string]> = [
      ['stop', null, 'end_turn'], ['stop', '###', 'stop_sequence'], ['eos_token', null, 'end_turn'], ['stop_sequence', null, 'stop_sequence'],
      ['length', null, 'max_tokens'], ['tool_calls', null, 'tool_use'], ['content_filter', null, 'content_filtered'],
    ];
    for (const [finish, vllmStop, expected] of cases) {
      const { client } = fakeClient({ choices: [{ message: { content: 'x' }, finish_reason: finish, stop_reason: vllmStop }] });
      assert.equal((await converseOnSageMaker(client, { EndpointName: 'ep' })).stopReason, expected, finish);
    }
    const { client } = fakeClient({ choices: [{ message: { content: '' }, finish_reason: 'error' }] });
    await assert.rejects(converseOnSageMaker(client, { EndpointName: 'ep' }), /generation error/);
  });

  it('turns tool calls into toolUse blocks after the text', async () => {
    const { client } = fakeClient({ choices: [{ message: { content: 'Checking.', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Xi\'an"}' } }] }, finish_reason: 'tool_calls' }] });
    const output = await converseOnSageMaker(client, { EndpointName: 'ep' });
    assert.deepEqual(output.output?.message.content, [{ text: 'Checking.' }, { toolUse: { toolUseId: 'c1', name: 'weather', input: { city: "Xi'an" } } }]);
    assert.equal(output.stopReason, 'tool_use');
  });

  it('puts reasoning first, from reasoning, reasoning_content or <think> tags', async () => {
    for (const message of [{ content: 'A', reasoning: 'R' }, { content: 'A', reasoning_content: 'R' }, { content: '<think>\nR\n</think>\n\nA' }, { content: 'R</think>A' }]) {
      const { client } = fakeClient({ choices: [{ message, finish_reason: 'stop' }] });
      const output = await converseOnSageMaker(client, { EndpointName: 'ep' });
      assert.deepEqual(output.output?.message.content, [{ reasoningContent: { reasoningText: { text: 'R' } } }, { text: 'A' }], JSON.stringify(message));
    }
  });
});

describe('adapter: streams', () => {
  it('payloadLines reassembles lines split across parts, several lines per part, UTF-8 split mid-character', async () => {
    const line = new TextEncoder().encode('{"text":"长城"}\n');
    const lines = await collect(payloadLines(parts('{"a":1}\n{"b"', ':2}\n{"c":3}\n', line.subarray(0, 11), line.subarray(11), '\n')));
    assert.deepEqual(lines.map((event) => decode(event.PayloadPart.Bytes)), ['{"a":1}', '{"b":2}', '{"c":3}', '{"text":"长城"}']);
  });

  it('payloadLines reads TGI server-sent events: data: prefixes, CRLF, comments, [DONE], a last line without newline', async () => {
    const lines = await collect(payloadLines(parts(': keep-alive\r\n', 'data: {"x":1}\r\n\r\nda', 'ta:{"x":2}\n\nevent: message\ndata: [DONE]\n\ndata: {"x":3}')));
    assert.deepEqual(lines.map((event) => decode(event.PayloadPart.Bytes)), ['{"x":1}', '{"x":2}', '{"x":3}']);
  });

  it('payloadLines throws on ModelStreamError and InternalStreamFailure events', async () => {
    async function* failing(): AsyncGenerator<ResponseStream> {
      yield { PayloadPart: { Bytes: new TextEncoder().encode('{"ok":true}\n') } };
      yield { ModelStreamError: { Message: 'boom', ErrorCode: 'StreamBroken' } as never };
    }
    await assert.rejects(collect(payloadLines(failing())), (error: Error) => error.name === 'ModelStreamError' && error.message === 'boom');
    async function* broken(): AsyncGenerator<ResponseStream> {
      yield { InternalStreamFailure: { Message: 'internal' } as never };
    }
    await assert.rejects(collect(payloadLines(broken())), /internal/);
  });

  it('streamedText reads TGI tokens (skipping special ones), completions and chat chunks', () => {
    assert.equal(streamedText({ token: { text: ' hi', special: false } }), ' hi');
    assert.equal(streamedText({ token: { text: '</s>', special: true } }), '');
    assert.equal(streamedText({ choices: [{ text: 'a' }] }), 'a');
    assert.equal(streamedText({ choices: [{ delta: { content: 'b' } }] }), 'b');
    assert.equal(streamedText({ choices: [] }), '');
  });

  it('ConverseStream synthesises Bedrock events in order, with tool use and usage', async () => {
    const chunks = [
      { choices: [{ delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { choices: [{ delta: { content: 'Let me check.' }, finish_reason: null }] },
      { choices: [{ delta: { tool_calls: [{ index: 0, id: 'c1', function: { name: 'weather', arguments: '{"ci' } }] }, finish_reason: null }] },
      { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Xi\'an"}' } }] }, finish_reason: null }] },
      { choices: [{ delta: {}, finish_reason: 'tool_calls' }] },
      { choices: [], usage: { prompt_tokens: 5, completion_tokens: 8, total_tokens: 13 } },
    ];
    const { client, sent } = fakeClient(() => parts(chunks.map((chunk) => JSON.stringify(chunk)).join('\n')));
    const response = await converseStreamOnSageMaker(client, { EndpointName: 'ep', messages: [{ role: 'user', content: [{ text: 'hi' }] }] });
    const events: ConverseStreamOutput[] = await collect(response.stream!);
    assert.equal(sent[0].name, 'InvokeEndpointWithResponseStreamCommand');
    assert.deepEqual(JSON.parse(sent[0].input.Body).stream_options, { include_usage: true });
    const metadata = events.pop();
    assert.deepEqual(events, [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Let me check.' } } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'c1', name: 'weather' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"ci' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: 'ty":"Xi\'an"}' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
    ]);
    assert.deepEqual(metadata?.metadata?.usage, { inputTokens: 5, outputTokens: 8, totalTokens: 13 });
    assert.equal(typeof metadata?.metadata?.metrics?.latencyMs, 'number');
  });

  it('ConverseStream splits <think> tags even when a tag is cut between chunks', async () => {
    const pieces = ['<thi', 'nk>Rea', 'son</th', 'ink>', 'Answer'];
    const chunks = pieces.map((content) => JSON.stringify({ choices: [{ delta: { content }, finish_reason: null }] }));
    const { client } = fakeClient(() => parts(chunks.join('\n') + '\n' + JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] })));
    const events = await collect((await converseStreamOnSageMaker(client, { EndpointName: 'ep' })).stream!);
    const reasoning = events.map((event) => event.contentBlockDelta?.delta?.reasoningContent?.text ?? '').join('');
    const text = events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('');
    assert.equal(reasoning, 'Reason');
    assert.equal(text, 'Answer');
  });
});

describe('adapter: endpoint lookup', () => {
  const table = { 'meta.llama3-8b-instruct-v1:0': { EndpointName: 'llama' }, 'deepseek.*': { EndpointName: 'r1', InferenceComponentName: 'ic' } };
  it('finds exact ids, ids behind an inference-profile prefix, and * patterns', () => {
    assert.deepEqual(sageMakerEndpointFor(table, 'meta.llama3-8b-instruct-v1:0'), { EndpointName: 'llama' });
    assert.deepEqual(sageMakerEndpointFor(table, 'eu.meta.llama3-8b-instruct-v1:0'), { EndpointName: 'llama' });
    assert.deepEqual(sageMakerEndpointFor(table, 'us.deepseek.r1-v1:0'), { EndpointName: 'r1', InferenceComponentName: 'ic' });
  });
  it('throws a clear error for an unmapped id', () => {
    assert.throws(() => sageMakerEndpointFor(table, 'amazon.titan-text-express-v1'), /No SageMaker endpoint is mapped for Bedrock model id 'amazon.titan-text-express-v1'/);
    assert.throws(() => sageMakerEndpointFor(table, undefined), /model id ''/);
  });
});

describe('adapter module placement', () => {
  const style = { quote: '"' as const, semicolons: true, eol: '\n' as const, indent: '  ' };
  const place = (workspaceRelativePath: string, adapterPath: string, javascript: boolean, source = '', packageContext: PackageContext = defaultPackageContext()) => {
    const module = adapterModule({
      adapterPath, isDefaultPath: adapterPath === DEFAULT_SETTINGS.adapterPath, workspaceRelativePath, packageContext, javascript,
      usesRequire: source.includes('require('), style, sourceFile: parseScript(source, javascript ? 'javascript' : 'typescript'),
    });
    assert.ok(module, `no adapter for ${workspaceRelativePath}`);
    return module;
  };
  const pkg = (overrides: Partial<PackageContext>): PackageContext => ({ ...defaultPackageContext(), ...overrides });

  it('computes the import specifier from the document to the adapter', () => {
    assert.equal(relativeSpecifier('src/app/chat.ts', 'src/sagemaker-converse.ts', 'none'), '../sagemaker-converse');
    assert.equal(relativeSpecifier('index.ts', 'src/sagemaker-converse.ts', 'none'), './src/sagemaker-converse');
    assert.equal(relativeSpecifier('src\\win\\chat.ts', 'src/sagemaker-converse.ts', 'none'), '../sagemaker-converse');
    assert.equal(relativeSpecifier('src/chat.mts', 'src/sagemaker-converse.mts', 'js'), './sagemaker-converse.mjs');
  });

  it('follows the document: .js extensions when its relative imports use them (Node ESM)', () => {
    assert.equal(place('src/a.ts', 'src/sagemaker-converse.ts', false, 'import { x } from "./x.js";\nimport { y } from "./y.js";').specifier, './sagemaker-converse.js');
    assert.equal(place('src/a.ts', 'src/sagemaker-converse.ts', false, 'import { x } from "./x";').specifier, './sagemaker-converse');
  });

  it('writes JavaScript (with its .d.ts) next to the configured path for JavaScript documents, CommonJS when they use require', () => {
    const esm = place('src/a.js', 'src/sagemaker-converse.ts', true, 'import x from "x";', pkg({ type: 'module' }));
    assert.equal(esm.file.path, 'src/sagemaker-converse.js');
    assert.equal(esm.specifier, './sagemaker-converse.js', 'Node ES modules need the extension');
    assert.match(esm.file.content, /^export async function converseOnSageMaker/m);
    assert.equal(esm.declaration?.path, 'src/sagemaker-converse.d.ts');
    assert.match(esm.declaration?.content ?? '', /export declare function converseOnSageMaker/);
    const cjs = place('lib/a.cjs', 'src/sagemaker-converse.ts', true, 'const x = require("x");');
    assert.equal(cjs.file.path, 'src/sagemaker-converse.js', 'a CommonJS package keeps .js for CommonJS');
    assert.equal(cjs.specifier, '../src/sagemaker-converse');
    assert.match(cjs.file.content, /exports\.converseOnSageMaker = converseOnSageMaker/);
    const mixed = place('lib/a.cjs', 'src/sagemaker-converse.ts', true, 'const x = require("x");', pkg({ type: 'module' }));
    assert.equal(mixed.file.path, 'src/sagemaker-converse.cjs', 'CommonJS in an ES-module package must be .cjs');
    assert.equal(mixed.declaration?.path, 'src/sagemaker-converse.d.cts');
    assert.equal(mixed.specifier, '../src/sagemaker-converse.cjs');
  });

  it('honours a .js adapter path from a TypeScript document', () => {
    const module = place('src/a.ts', 'src/gen/sagemaker-converse.js', false);
    assert.equal(module.file.path, 'src/gen/sagemaker-converse.js');
    assert.doesNotMatch(module.file.content, /: SageMakerRuntimeClient/);
  });

  it('puts one adapter into each package, in its source root, and never outside the package', () => {
    const a = pkg({ root: 'packages/a', sourceRoot: 'packages/a/src' });
    assert.equal(place('packages/a/src/deep/x/chat.ts', DEFAULT_SETTINGS.adapterPath, false, '', a).file.path, 'packages/a/src/sagemaker-converse.ts');
    assert.equal(place('packages/a/src/deep/x/chat.ts', DEFAULT_SETTINGS.adapterPath, false, '', a).specifier, '../../sagemaker-converse');
    assert.equal(place('packages/a/chat.ts', 'lib/adapter.ts', false, '', a).file.path, 'packages/a/lib/adapter.ts', 'a configured path is relative to the package');
    const rootless = pkg({ root: 'b', sourceRoot: 'b' });
    assert.equal(place('b/chat.js', DEFAULT_SETTINGS.adapterPath, true, '', rootless).file.path, 'b/sagemaker-converse.js', 'no src/: the package root');
    for (const escaping of ['../x.ts', '../../x.ts', '/etc/x.ts', 'C:/x.ts']) {
      assert.equal(adapterModule({
        adapterPath: escaping, isDefaultPath: false, workspaceRelativePath: 'packages/a/chat.ts', packageContext: a, javascript: false,
        usesRequire: false, style, sourceFile: parseScript('', 'typescript'),
      }), undefined, escaping);
    }
  });
});

describe('import specifiers follow the module system', () => {
  const ext = (file: string, context: Partial<PackageContext>, own?: 'none' | 'js' | 'ts') => extensionStyleFor(file, { ...defaultPackageContext(), ...context }, own);
  it('adds .js where Node resolves ES modules, and nothing where a bundler or CommonJS resolves', () => {
    assert.equal(ext('src/a.js', { type: 'module' }), 'js');
    assert.equal(ext('src/a.mjs', {}), 'js');
    assert.equal(ext('src/a.js', {}), 'none');
    assert.equal(ext('src/a.ts', { type: 'module', compilerOptions: { module: 'nodenext' } }), 'js');
    assert.equal(ext('src/a.ts', { type: 'module', compilerOptions: { moduleResolution: 'node16' } }, 'none'), 'js', 'nodenext wins over a wrong own style');
    assert.equal(ext('src/a.ts', { type: 'module', compilerOptions: { moduleResolution: 'bundler' } }), 'none');
    assert.equal(ext('src/a.ts', { type: 'commonjs', compilerOptions: { module: 'commonjs' } }), 'none');
    assert.equal(ext('src/a.mts', { compilerOptions: { module: 'nodenext' } }), 'js');
  });
  it('keeps .ts specifiers only where allowImportingTsExtensions allows them', () => {
    assert.equal(ext('src/a.ts', { compilerOptions: { moduleResolution: 'bundler', allowImportingTsExtensions: true } }, 'ts'), 'ts');
    assert.equal(ext('src/a.ts', { type: 'module', compilerOptions: { module: 'nodenext', allowImportingTsExtensions: true } }, 'ts'), 'ts');
    assert.equal(ext('src/a.ts', { compilerOptions: { moduleResolution: 'bundler' } }, 'ts'), 'none');
  });
});

// A local Amazon Bedrock Runtime. The real BedrockRuntimeClient speaks HTTP/2 (its handler is HTTP/2 because of
// the bidirectional operation); the Vercel AI SDK's provider uses fetch, which speaks HTTP/1.1. So one port serves
// both: the first bytes of a connection say which (HTTP/2 with prior knowledge starts with `PRI * HTTP/2.0`).
// POST /model/{modelId}/invoke, /invoke-with-response-stream, /converse and /converse-stream, answering like Meta
// Llama and DeepSeek-R1 (and, for InvokeModel, like Mistral, Anthropic Claude and Amazon Titan Text, whose bodies
// have their own shapes); Converse with tools asks for one tool call (see scriptedModel's toolCallFor).
import { createServer as createHttp1Server } from 'node:http';
import { createServer } from 'node:http2';
import type { OutgoingHttpHeaders } from 'node:http2';
import { type AddressInfo, type Socket, createServer as createTcpServer } from 'node:net';
import { encodeJsonEvent } from './eventStream';
import { type Question, type ToolSpec, answerFor, reasoningFor, tokenCount, tokensOf, toolCallFor } from './scriptedModel';
import { toolResultQuestion } from './scriptedTools';

export interface BedrockStandin {
  url: string;
  close(): Promise<void>;
}

/** What the handlers write an answer to: an HTTP/2 stream, or an HTTP/1.1 response made to look like one. */
interface Reply {
  respond(headers: OutgoingHttpHeaders & { ':status': number }): void;
  write(chunk: Buffer): void;
  end(chunk?: string): void;
}

/** Bedrock's own default when a Llama body has no max_gen_len. */
const LLAMA_DEFAULT_MAX_GEN_LEN = 512;

export async function startBedrockStandin(): Promise<BedrockStandin> {
  const http2 = createServer();
  http2.on('stream', (stream, headers) => collect(stream, (body) => route(stream, String(headers[':path']), body)));
  const http1 = createHttp1Server((request, response) => collect(request, (body) => route({
    respond: ({ ':status': status, ...headers }) => response.writeHead(status, headers as Record<string, string>),
    write: (chunk) => response.write(chunk),
    end: (chunk) => response.end(chunk),
  }, request.url ?? '', body)));
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first.toString('latin1', 0, 3) === 'PRI' ? http2 : http1).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

function collect(source: NodeJS.ReadableStream, then: (body: Record<string, unknown>) => void): void {
  const chunks: Buffer[] = [];
  source.on('data', (chunk: Buffer) => chunks.push(chunk));
  source.on('end', () => then(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>));
}

function route(reply: Reply, path: string, body: Record<string, unknown>): void {
  const match = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream|converse|converse-stream)$/.exec(path);
  if (!match) return json(reply, 404, { message: `no route ${path}` });
  const modelId = decodeURIComponent(match[1]);
  const reasoning = /deepseek\.r1/.test(modelId);
  switch (match[2]) {
    case 'invoke': return invoke(reply, modelId, body);
    case 'invoke-with-response-stream': return invokeStream(reply, modelId, body);
    case 'converse': return converse(reply, body, reasoning);
    default: return converseStream(reply, body, reasoning);
  }
}

function isDeepSeek(modelId: string): boolean {
  return modelId.includes('deepseek.');
}

/** The InvokeModel body families this stand-in answers (Llama is the default). */
type InvokeFamily = 'llama' | 'deepseek' | 'mistral' | 'anthropic' | 'titan';

function invokeFamily(modelId: string): InvokeFamily {
  if (isDeepSeek(modelId)) return 'deepseek';
  if (modelId.includes('mistral.')) return 'mistral';
  if (modelId.includes('anthropic.')) return 'anthropic';
  if (modelId.includes('amazon.titan-text') || modelId.includes('amazon.titan-tg1')) return 'titan';
  return 'llama';
}

/** Bedrock's defaults when the body sets no limit (Mistral 7B and Titan Text: 512). */
const MISTRAL_DEFAULT_MAX_TOKENS = 512;
const TITAN_DEFAULT_MAX_TOKEN_COUNT = 512;

function invokeQuestion(modelId: string, body: Record<string, unknown>): Question {
  switch (invokeFamily(modelId)) {
    case 'deepseek': return { text: body.prompt as string, maxTokens: body.max_tokens as number | undefined };
    case 'mistral': return { text: body.prompt as string, maxTokens: (body.max_tokens as number | undefined) ?? MISTRAL_DEFAULT_MAX_TOKENS };
    case 'anthropic': {
      const messages = (body.messages ?? []) as Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
      const lastUser = [...messages].reverse().find((message) => message.role === 'user');
      const text = lastUser === undefined ? '' : typeof lastUser.content === 'string' ? lastUser.content
        : lastUser.content.map((part) => part.text ?? '').join('');
      return { text, maxTokens: body.max_tokens as number | undefined, ...(typeof body.system === 'string' ? { system: body.system } : {}) };
    }
    case 'titan': {
      const config = (body.textGenerationConfig ?? {}) as { maxTokenCount?: number };
      return { text: body.inputText as string, maxTokens: config.maxTokenCount ?? TITAN_DEFAULT_MAX_TOKEN_COUNT };
    }
    default: return { text: body.prompt as string, maxTokens: (body.max_gen_len as number | undefined) ?? LLAMA_DEFAULT_MAX_GEN_LEN };
  }
}

function invoke(stream: Reply, modelId: string, body: Record<string, unknown>): void {
  const question = invokeQuestion(modelId, body);
  const answer = answerFor(question);
  switch (invokeFamily(modelId)) {
    case 'deepseek': return json(stream, 200, { choices: [{ text: answer, stop_reason: 'stop' }] });
    case 'mistral': return json(stream, 200, { outputs: [{ text: answer, stop_reason: 'stop' }] });
    case 'anthropic': return json(stream, 200, {
      id: 'msg_standin', type: 'message', role: 'assistant', model: modelId, content: [{ type: 'text', text: answer }],
      stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: tokenCount(question.text), output_tokens: tokenCount(answer) },
    });
    case 'titan': return json(stream, 200, {
      inputTextTokenCount: tokenCount(question.text), results: [{ tokenCount: tokenCount(answer), outputText: answer, completionReason: 'FINISH' }],
    });
    default: return json(stream, 200, { generation: answer, prompt_token_count: tokenCount(question.text), generation_token_count: tokenCount(answer), stop_reason: 'stop' });
  }
}

function invokeStream(stream: Reply, modelId: string, body: Record<string, unknown>): void {
  const question = invokeQuestion(modelId, body);
  const answer = answerFor(question);
  const metrics = { inputTokenCount: tokenCount(question.text), outputTokenCount: tokenCount(answer), invocationLatency: 5, firstByteLatency: 1 };
  let documents: unknown[];
  switch (invokeFamily(modelId)) {
    case 'deepseek':
      documents = [...tokensOf(answer).map((text) => ({ choices: [{ text, stop_reason: null }] })), { choices: [{ text: '', stop_reason: 'stop' }] }];
      break;
    case 'mistral':
      documents = [
        ...tokensOf(answer).map((text) => ({ outputs: [{ text, stop_reason: null }] })),
        { outputs: [{ text: '', stop_reason: 'stop' }], 'amazon-bedrock-invocationMetrics': metrics },
      ];
      break;
    case 'anthropic':
    case 'titan':
      // Not needed by any test yet: say so rather than answer in the wrong shape.
      return json(stream, 400, { message: `the stand-in does not stream ${modelId}` });
    default:
      documents = [
        ...tokensOf(answer).map((generation, index) => ({ generation, prompt_token_count: index === 0 ? tokenCount(question.text) : null, generation_token_count: index + 1, stop_reason: null })),
        { generation: '', prompt_token_count: null, generation_token_count: tokenCount(answer), stop_reason: 'stop', 'amazon-bedrock-invocationMetrics': metrics },
      ];
  }
  events(stream, documents.map((document) => encodeJsonEvent('chunk', { bytes: Buffer.from(JSON.stringify(document)).toString('base64') })));
}

interface ConverseBody {
  messages?: Array<{ role: string; content: Array<{ text?: string; toolResult?: { content?: Array<{ text?: string }> } }> }>;
  system?: Array<{ text?: string }>;
  inferenceConfig?: { maxTokens?: number };
  toolConfig?: { tools?: Array<{ toolSpec?: { name: string; inputSchema?: { json?: unknown } } }> };
}

/** The tools offered, while the conversation does not hold tool results yet (then the model answers). */
function offeredTools(body: ConverseBody): ToolSpec[] {
  const last = body.messages?.[body.messages.length - 1];
  if (!last || last.role !== 'user' || last.content.some((block) => block.toolResult !== undefined)) return [];
  return (body.toolConfig?.tools ?? []).flatMap((tool) => (tool.toolSpec ? [{ name: tool.toolSpec.name, schema: tool.toolSpec.inputSchema?.json }] : []));
}

function converseQuestion(body: ConverseBody): Question {
  const lastUser = [...(body.messages ?? [])].reverse().find((message) => message.role === 'user');
  const system = (body.system ?? []).map((block) => block.text ?? '').join('\n');
  const results = (lastUser?.content ?? []).flatMap((block) => (block.toolResult ? [(block.toolResult.content ?? []).map((part) => part.text ?? '').join('')] : []));
  const text = results.length > 0 ? toolResultQuestion(results.join('\n')) : (lastUser?.content ?? []).map((block) => block.text ?? '').join('');
  return { text, maxTokens: body.inferenceConfig?.maxTokens, ...(system ? { system } : {}) };
}

function usageOf(question: Question, answer: string) {
  return { inputTokens: tokenCount(question.text), outputTokens: tokenCount(answer), totalTokens: tokenCount(question.text) + tokenCount(answer) };
}

function converse(stream: Reply, body: ConverseBody, reasoning: boolean): void {
  const question = converseQuestion(body);
  const call = toolCallFor(question, offeredTools(body));
  if (call) {
    const content = [{ toolUse: { toolUseId: call.id, name: call.name, input: call.input } }];
    return json(stream, 200, { output: { message: { role: 'assistant', content } }, stopReason: 'tool_use', usage: usageOf(question, call.arguments), metrics: { latencyMs: 5 } });
  }
  const answer = answerFor(question);
  const content = reasoning ? [{ reasoningContent: { reasoningText: { text: reasoningFor(question) } } }, { text: answer }] : [{ text: answer }];
  json(stream, 200, { output: { message: { role: 'assistant', content } }, stopReason: 'end_turn', usage: usageOf(question, answer), metrics: { latencyMs: 5 } });
}

function converseStream(stream: Reply, body: ConverseBody, reasoning: boolean): void {
  const question = converseQuestion(body);
  const answer = answerFor(question);
  const messages: Uint8Array[] = [encodeJsonEvent('messageStart', { role: 'assistant' })];
  let index = 0;
  if (reasoning) {
    for (const text of tokensOf(reasoningFor(question))) messages.push(encodeJsonEvent('contentBlockDelta', { contentBlockIndex: index, delta: { reasoningContent: { text } } }));
    messages.push(encodeJsonEvent('contentBlockStop', { contentBlockIndex: index++ }));
  }
  for (const text of tokensOf(answer)) messages.push(encodeJsonEvent('contentBlockDelta', { contentBlockIndex: index, delta: { text } }));
  messages.push(encodeJsonEvent('contentBlockStop', { contentBlockIndex: index }));
  messages.push(encodeJsonEvent('messageStop', { stopReason: 'end_turn' }));
  messages.push(encodeJsonEvent('metadata', { usage: usageOf(question, answer), metrics: { latencyMs: 5 } }));
  events(stream, messages);
}

function json(stream: Reply, status: number, payload: unknown): void {
  stream.respond({ ':status': status, 'content-type': 'application/json' });
  stream.end(JSON.stringify(payload));
}

function events(stream: Reply, messages: readonly Uint8Array[]): void {
  stream.respond({ ':status': 200, 'content-type': 'application/vnd.amazon.eventstream' });
  for (const message of messages) stream.write(Buffer.from(message));
  stream.end();
}

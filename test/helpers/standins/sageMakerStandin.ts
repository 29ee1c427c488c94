// A local SageMaker Runtime (HTTP/1.1, like the real client uses) answering like an LMI (vLLM) or TGI container:
// POST /endpoints/{name}/invocations and /invocations-response-stream with AWS event-stream framing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeEvent, encodeException } from './eventStream';
import { type Question, type ScriptedToolCall, answerFor, reasoningFor, tokenCount, tokensOf, toolCallFor } from './scriptedModel';
import { toolResultQuestion } from './scriptedTools';

export interface SageMakerEndpointBehaviour {
  container: 'lmi' | 'tgi';
  /** How a reasoning model returns its reasoning: vLLM's field, or `<think>` tags inside the content. */
  reasoning?: 'reasoning_content' | 'think-tags';
  /** Bytes per PayloadPart: small odd sizes split lines (and UTF-8 characters) across parts on purpose. */
  partSize?: number;
  /** Send a ModelStreamError event after this many parts instead of finishing the stream. */
  failAfterParts?: number;
}

export interface RecordedRequest {
  endpointName: string;
  stream: boolean;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface SageMakerStandin {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startSageMakerStandin(endpoints: Record<string, SageMakerEndpointBehaviour>): Promise<SageMakerStandin> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = /^\/endpoints\/([^/]+)\/(invocations|invocations-response-stream)$/.exec(request.url ?? '');
      const behaviour = match ? endpoints[decodeURIComponent(match[1])] : undefined;
      if (!match || !behaviour || request.method !== 'POST') return fail(response, 404, 'ValidationError', `Endpoint not found: ${request.url}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const stream = match[2] === 'invocations-response-stream';
      requests.push({ endpointName: decodeURIComponent(match[1]), stream, headers: request.headers, body });
      if (stream) respondStream(response, behaviour, body);
      else respond(response, behaviour, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

type Schema = 'chat' | 'completions' | 'tgi';

function schemaOf(body: Record<string, unknown>): Schema {
  if (Array.isArray(body.messages)) return 'chat';
  if (typeof body.prompt === 'string') return 'completions';
  return 'tgi';
}

function questionOf(body: Record<string, unknown>, schema: Schema): Question {
  if (schema === 'chat') {
    const messages = body.messages as Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
    const textOf = (message: (typeof messages)[number]) => (typeof message.content === 'string' ? message.content
      : message.content.map((part) => part.text ?? '').join(''));
    const lastUser = [...messages].reverse().find((message) => message.role === 'user');
    const system = messages.filter((message) => message.role === 'system').map(textOf).join('\n');
    // After a tool call the model answers about the results that follow it.
    const results = messages.slice(messages.lastIndexOf(lastUser!) + 1).filter((message) => message.role === 'tool').map(textOf);
    const text = results.length > 0 ? toolResultQuestion(results.join('\n')) : lastUser ? textOf(lastUser) : '';
    return { text, maxTokens: body.max_tokens as number | undefined, ...(system ? { system } : {}) };
  }
  if (schema === 'completions') return { text: body.prompt as string, maxTokens: body.max_tokens as number | undefined };
  const parameters = (body.parameters ?? {}) as { max_new_tokens?: number };
  return { text: body.inputs as string, maxTokens: parameters.max_new_tokens };
}

function usageOf(question: Question, answer: string) {
  const prompt = tokenCount(question.text);
  const completion = tokenCount(answer);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** The tool call a chat body with tools asks for, while its messages hold no tool results yet. */
function chatToolCall(body: Record<string, unknown>, question: Question): ScriptedToolCall | undefined {
  const messages = body.messages as Array<{ role: string }>;
  if (messages[messages.length - 1]?.role !== 'user') return undefined;
  const tools = (body.tools ?? []) as Array<{ function: { name: string; parameters?: unknown } }>;
  return toolCallFor(question, tools.map((tool) => ({ name: tool.function.name, schema: tool.function.parameters })));
}

function respond(response: ServerResponse, behaviour: SageMakerEndpointBehaviour, body: Record<string, unknown>): void {
  const schema = schemaOf(body);
  const question = questionOf(body, schema);
  const answer = answerFor(question);
  let payload: unknown;
  const call = schema === 'chat' ? chatToolCall(body, question) : undefined;
  if (call) {
    const message = { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }] };
    payload = { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'tool_calls', stop_reason: null }], usage: usageOf(question, call.arguments) };
  } else if (schema === 'chat') {
    const reasoning = reasoningFor(question);
    const message = behaviour.reasoning === 'reasoning_content' ? { role: 'assistant', content: answer, reasoning_content: reasoning }
      : behaviour.reasoning === 'think-tags' ? { role: 'assistant', content: `<think>\n${reasoning}\n</think>\n\n${answer}` }
        : { role: 'assistant', content: answer };
    payload = { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'stop', stop_reason: null }], usage: usageOf(question, answer) };
  } else if (schema === 'completions') {
    payload = { id: 'cmpl-1', object: 'text_completion', choices: [{ index: 0, text: answer, finish_reason: 'stop', stop_reason: null }], usage: usageOf(question, answer) };
  } else {
    // With `details: true`, TGI and LMI add the finish reason (TGI's values: length, eos_token, stop_sequence).
    const asked = (body.parameters as { details?: boolean } | undefined)?.details === true;
    const generated = asked ? { generated_text: answer, details: { finish_reason: 'eos_token', generated_tokens: tokenCount(answer) } } : { generated_text: answer };
    payload = behaviour.container === 'tgi' ? [generated] : generated;
  }
  response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-invoked-production-variant': 'AllTraffic' });
  response.end(JSON.stringify(payload));
}

/** The container's own stream: JSON lines (LMI) or `data:` server-sent events (TGI). */
function streamLines(behaviour: SageMakerEndpointBehaviour, body: Record<string, unknown>): string[] {
  const schema = schemaOf(body);
  const question = questionOf(body, schema);
  const answer = answerFor(question);
  const tokens = tokensOf(answer);
  const documents: unknown[] = [];
  const call = schema === 'chat' ? chatToolCall(body, question) : undefined;
  if (call) {
    // The first fragment names the call; the arguments follow in pieces, as vLLM streams them.
    documents.push({ choices: [{ index: 0, delta: { role: 'assistant', tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, finish_reason: null }] });
    for (const piece of call.arguments.match(/.{1,6}/g) ?? []) documents.push({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }] });
    documents.push({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
    documents.push({ choices: [], usage: usageOf(question, call.arguments) });
  } else if (schema === 'chat') {
    documents.push({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    if (behaviour.reasoning === 'reasoning_content') {
      for (const piece of tokensOf(reasoningFor(question))) documents.push({ choices: [{ index: 0, delta: { reasoning_content: piece }, finish_reason: null }] });
    }
    const content = behaviour.reasoning === 'think-tags' ? tokensOf(`<think>${reasoningFor(question)}</think>${answer}`) : tokens;
    for (const piece of content) documents.push({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    documents.push({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop', stop_reason: null }] });
    const options = body.stream_options as { include_usage?: boolean } | undefined;
    if (options?.include_usage) documents.push({ object: 'chat.completion.chunk', choices: [], usage: usageOf(question, answer) });
  } else if (schema === 'completions') {
    for (const piece of tokens) documents.push({ choices: [{ index: 0, text: piece, finish_reason: null }] });
    documents.push({ choices: [{ index: 0, text: '', finish_reason: 'stop', stop_reason: null }] });
  } else if (behaviour.container === 'tgi') {
    tokens.forEach((piece, index) => documents.push({ index, token: { id: index, text: piece, logprob: -0.1, special: false }, generated_text: null, details: null }));
    documents.push({ index: tokens.length, token: { id: 128009, text: '<|eot_id|>', logprob: 0, special: true }, generated_text: answer, details: null });
  } else {
    tokens.forEach((piece, index) => documents.push({ token: { id: index, text: piece, log_prob: -0.1 }, ...(index === tokens.length - 1 ? { generated_text: answer } : {}) }));
  }
  if (behaviour.container === 'tgi') {
    const events = documents.map((document) => `data: ${JSON.stringify(document)}\n\n`);
    return schema === 'chat' ? [...events, 'data: [DONE]\n\n'] : events;
  }
  return documents.map((document) => `${JSON.stringify(document)}\n`);
}

function respondStream(response: ServerResponse, behaviour: SageMakerEndpointBehaviour, body: Record<string, unknown>): void {
  if (body.stream !== true) return fail(response, 400, 'ValidationError', 'the container streams only when the body says "stream": true');
  const bytes = Buffer.from(streamLines(behaviour, body).join(''), 'utf8');
  const size = behaviour.partSize ?? 23;
  response.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-sagemaker-content-type': behaviour.container === 'tgi' ? 'text/event-stream' : 'application/jsonlines',
  });
  let parts = 0;
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (behaviour.failAfterParts !== undefined && parts === behaviour.failAfterParts) {
      response.end(Buffer.from(encodeException('ModelStreamError', { Message: 'stream broken by the stand-in', ErrorCode: 'StreamBroken' })));
      return;
    }
    response.write(Buffer.from(encodeEvent('PayloadPart', bytes.subarray(offset, offset + size), 'application/octet-stream')));
    parts++;
  }
  response.end();
}

function fail(response: ServerResponse, status: number, type: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  response.end(JSON.stringify({ message }));
}

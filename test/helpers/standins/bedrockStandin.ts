// A local Amazon Bedrock Runtime. The real BedrockRuntimeClient speaks HTTP/2 (its handler is HTTP/2 because of
// the bidirectional operation), so this is an `http2` cleartext server: POST /model/{modelId}/invoke,
// /invoke-with-response-stream, /converse and /converse-stream, answering like Meta Llama and DeepSeek-R1 (and, for
// InvokeModel, like Mistral, Anthropic Claude and Amazon Titan Text, whose bodies have their own shapes).
import { type Http2Server, type ServerHttp2Stream, createServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { encodeJsonEvent } from './eventStream';
import { type Question, answerFor, reasoningFor, tokenCount, tokensOf } from './scriptedModel';
import { TOOL_CALL_ID, toolArguments, toolResultQuestion } from './scriptedTools';

export interface BedrockStandin {
  url: string;
  close(): Promise<void>;
}

/** Bedrock's own default when a Llama body has no max_gen_len. */
const LLAMA_DEFAULT_MAX_GEN_LEN = 512;

export async function startBedrockStandin(): Promise<BedrockStandin> {
  const server: Http2Server = createServer();
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const match = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream|converse|converse-stream)$/.exec(String(headers[':path']));
      if (!match) return json(stream, 404, { message: `no route ${headers[':path']}` });
      const modelId = decodeURIComponent(match[1]);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const reasoning = /deepseek\.r1/.test(modelId);
      switch (match[2]) {
        case 'invoke': return invoke(stream, modelId, body);
        case 'invoke-with-response-stream': return invokeStream(stream, modelId, body);
        case 'converse': return converse(stream, body, reasoning);
        default: return converseStream(stream, body, reasoning);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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

function invoke(stream: ServerHttp2Stream, modelId: string, body: Record<string, unknown>): void {
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

function invokeStream(stream: ServerHttp2Stream, modelId: string, body: Record<string, unknown>): void {
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
  toolConfig?: { tools?: Array<{ toolSpec?: { name?: string; inputSchema?: { json?: unknown } } }> };
}

function converseQuestion(body: ConverseBody): Question {
  const lastUser = [...(body.messages ?? [])].reverse().find((message) => message.role === 'user');
  const system = (body.system ?? []).map((block) => block.text ?? '').join('\n');
  const results = (lastUser?.content ?? []).flatMap((block) => (block.toolResult ? [(block.toolResult.content ?? []).map((part) => part.text ?? '').join('')] : []));
  const text = results.length > 0 ? toolResultQuestion(results.join('\n')) : (lastUser?.content ?? []).map((block) => block.text ?? '').join('');
  return { text, maxTokens: body.inferenceConfig?.maxTokens, ...(system ? { system } : {}) };
}

/** The scripted tool call, when tools are offered and the conversation does not end with a tool result. */
function converseToolUse(body: ConverseBody): { toolUseId: string; name: string; input: Record<string, unknown> } | undefined {
  const tool = body.toolConfig?.tools?.[0]?.toolSpec;
  const last = body.messages?.[body.messages.length - 1];
  if (!tool?.name || !last || last.content.some((block) => block.toolResult)) return undefined;
  return { toolUseId: TOOL_CALL_ID, name: tool.name, input: toolArguments(tool.inputSchema?.json, converseQuestion(body).text) };
}

function usageOf(question: Question, answer: string) {
  return { inputTokens: tokenCount(question.text), outputTokens: tokenCount(answer), totalTokens: tokenCount(question.text) + tokenCount(answer) };
}

function converse(stream: ServerHttp2Stream, body: ConverseBody, reasoning: boolean): void {
  const question = converseQuestion(body);
  const toolUse = converseToolUse(body);
  if (toolUse) {
    const usage = { inputTokens: tokenCount(question.text), outputTokens: 1, totalTokens: tokenCount(question.text) + 1 };
    return json(stream, 200, { output: { message: { role: 'assistant', content: [{ toolUse }] } }, stopReason: 'tool_use', usage, metrics: { latencyMs: 5 } });
  }
  const answer = answerFor(question);
  const content = reasoning ? [{ reasoningContent: { reasoningText: { text: reasoningFor(question) } } }, { text: answer }] : [{ text: answer }];
  json(stream, 200, { output: { message: { role: 'assistant', content } }, stopReason: 'end_turn', usage: usageOf(question, answer), metrics: { latencyMs: 5 } });
}

function converseStream(stream: ServerHttp2Stream, body: ConverseBody, reasoning: boolean): void {
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

function json(stream: ServerHttp2Stream, status: number, payload: unknown): void {
  stream.respond({ ':status': status, 'content-type': 'application/json' });
  stream.end(JSON.stringify(payload));
}

function events(stream: ServerHttp2Stream, messages: readonly Uint8Array[]): void {
  stream.respond({ ':status': 200, 'content-type': 'application/vnd.amazon.eventstream' });
  for (const message of messages) stream.write(Buffer.from(message));
  stream.end();
}

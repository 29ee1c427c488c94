// Written by bedrock-to-sagemaker. Amazon Bedrock does not exist in the AWS China regions; this module gives the
// Bedrock Converse API's shapes to calls that now go to a SageMaker endpoint hosting an open model in an LMI
// (vLLM) or TGI container. Both containers accept an OpenAI chat-completions body on /invocations. Edit freely:
// the extension only creates this file when it is missing.
import { InvokeEndpointCommand, InvokeEndpointWithResponseStreamCommand } from "@aws-sdk/client-sagemaker-runtime";
import type {
  InvokeEndpointCommandOutput,
  ResponseStream,
  SageMakerRuntimeClient,
} from "@aws-sdk/client-sagemaker-runtime";
import type { ChatChoice, ChatCompletion, ChatCompletionMessage, ChatContentPart, ChatMessage, ChatToolCall, ChatUsage } from "./sharedChat";
import { ThinkingSplitter, splitThinking, streamError } from "./sharedChat";

// ---- Where the model runs ----

/** The SageMaker endpoint (and inference component, if the endpoint hosts several) that replaces a Bedrock model id. */
export interface SageMakerTarget {
  EndpointName: string;
  InferenceComponentName?: string | undefined;
}

/** Bedrock model id (or `*` pattern) → SageMaker endpoint, for model ids only known at run time. */
export type SageMakerEndpointTable = Readonly<Record<string, SageMakerTarget>>;

/**
 * Looks a Bedrock model id up in `table`: exact key, then without a cross-region inference profile prefix
 * (`us.`, `eu.`, `apac.`...), then `*` patterns. Throws when nothing matches.
 */
export function sageMakerEndpointFor(table: SageMakerEndpointTable, modelId: string | undefined): SageMakerTarget {
  const id = modelId ?? "";
  const base = id.replace(/^(?:us-gov|us|eu|apac|jp|au|global)\./, "");
  const exact = table[id] ?? table[base];
  if (exact) return exact;
  for (const [pattern, target] of Object.entries(table)) {
    if (pattern.includes("*") && (globMatches(pattern, id) || globMatches(pattern, base))) return target;
  }
  throw new Error(`No SageMaker endpoint is mapped for Bedrock model id '${id}'. Add it to the endpoint table.`);
}

function globMatches(pattern: string, value: string): boolean {
  const parts = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`).test(value);
}

// ---- Converse shapes (the subset of @aws-sdk/client-bedrock-runtime's types this adapter supports) ----

export type DocumentType = null | boolean | number | string | DocumentType[] | { [prop: string]: DocumentType };

export const ConversationRole = { ASSISTANT: "assistant", SYSTEM: "system", USER: "user" } as const;
export type ConversationRole = (typeof ConversationRole)[keyof typeof ConversationRole];

export const StopReason = {
  CONTENT_FILTERED: "content_filtered",
  END_TURN: "end_turn",
  GUARDRAIL_INTERVENED: "guardrail_intervened",
  MALFORMED_MODEL_OUTPUT: "malformed_model_output",
  MALFORMED_TOOL_USE: "malformed_tool_use",
  MAX_TOKENS: "max_tokens",
  MODEL_CONTEXT_WINDOW_EXCEEDED: "model_context_window_exceeded",
  STOP_SEQUENCE: "stop_sequence",
  TOOL_USE: "tool_use",
} as const;
export type StopReason = (typeof StopReason)[keyof typeof StopReason];

export interface ImageBlock {
  format: "gif" | "jpeg" | "png" | "webp" | undefined;
  source: { bytes: Uint8Array } | undefined;
}

export interface ToolUseBlock {
  toolUseId: string | undefined;
  name: string | undefined;
  input: DocumentType | undefined;
}

export type ToolResultContentBlock =
  | { text: string; json?: never }
  | { json: DocumentType; text?: never };

export interface ToolResultBlock {
  toolUseId: string | undefined;
  content: ToolResultContentBlock[] | undefined;
  status?: "error" | "success" | undefined;
}

export interface ReasoningTextBlock {
  text: string | undefined;
  signature?: string | undefined;
}

export type ReasoningContentBlock =
  | { reasoningText: ReasoningTextBlock; redactedContent?: never }
  | { redactedContent: Uint8Array; reasoningText?: never };

interface NoContent {
  text?: never;
  image?: never;
  toolUse?: never;
  toolResult?: never;
  reasoningContent?: never;
}

export type ContentBlock =
  | (Omit<NoContent, "text"> & { text: string })
  | (Omit<NoContent, "image"> & { image: ImageBlock })
  | (Omit<NoContent, "toolUse"> & { toolUse: ToolUseBlock })
  | (Omit<NoContent, "toolResult"> & { toolResult: ToolResultBlock })
  | (Omit<NoContent, "reasoningContent"> & { reasoningContent: ReasoningContentBlock });

export interface Message {
  role: ConversationRole | undefined;
  content: ContentBlock[] | undefined;
}

export interface SystemContentBlock {
  text: string;
}

export interface InferenceConfiguration {
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  topP?: number | undefined;
  stopSequences?: string[] | undefined;
}

export interface ToolSpecification {
  name: string | undefined;
  description?: string | undefined;
  inputSchema: { json: DocumentType } | undefined;
  strict?: boolean | undefined;
}

export interface Tool {
  toolSpec: ToolSpecification;
}

export type ToolChoice =
  | { auto: Record<string, never>; any?: never; tool?: never }
  | { any: Record<string, never>; auto?: never; tool?: never }
  | { tool: { name: string | undefined }; auto?: never; any?: never };

/** Tools need the endpoint started with OPTION_ENABLE_AUTO_TOOL_CHOICE=true and OPTION_TOOL_CALL_PARSER (LMI/vLLM). */
export interface ToolConfiguration {
  tools: Tool[] | undefined;
  toolChoice?: ToolChoice | undefined;
}

/** Bedrock's Converse input. `modelId` is ignored: the SageMaker endpoint decides which model answers. */
export interface ConverseCommandInput {
  modelId?: string | undefined;
  EndpointName?: string | undefined;
  InferenceComponentName?: string | undefined;
  messages?: Message[] | undefined;
  system?: SystemContentBlock[] | undefined;
  inferenceConfig?: InferenceConfiguration | undefined;
  toolConfig?: ToolConfiguration | undefined;
  /** Merged into the top level of the request body (e.g. `top_k`). */
  additionalModelRequestFields?: DocumentType | undefined;
}
export type ConverseStreamCommandInput = ConverseCommandInput;

export interface TokenUsage {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  totalTokens: number | undefined;
}

export interface ConverseMetrics {
  latencyMs: number | undefined;
}

type ResponseMetadata = InvokeEndpointCommandOutput["$metadata"];

export interface ConverseCommandOutput {
  output: { message: Message } | undefined;
  stopReason: StopReason | undefined;
  usage: TokenUsage | undefined;
  metrics: ConverseMetrics | undefined;
  $metadata: ResponseMetadata;
}

export type ContentBlockDelta =
  | { text: string; reasoningContent?: never; toolUse?: never }
  | { reasoningContent: { text: string; signature?: never }; text?: never; toolUse?: never }
  | { toolUse: { input: string | undefined }; text?: never; reasoningContent?: never };

export interface ContentBlockStart {
  toolUse: { toolUseId: string | undefined; name: string | undefined };
}

interface NoEvent {
  messageStart?: never;
  contentBlockStart?: never;
  contentBlockDelta?: never;
  contentBlockStop?: never;
  messageStop?: never;
  metadata?: never;
  // Bedrock's error members: this adapter throws instead, so they never appear.
  internalServerException?: never;
  modelStreamErrorException?: never;
  validationException?: never;
  throttlingException?: never;
  serviceUnavailableException?: never;
}

export type ConverseStreamOutput =
  | (Omit<NoEvent, "messageStart"> & { messageStart: { role: ConversationRole | undefined } })
  | (Omit<NoEvent, "contentBlockStart"> & { contentBlockStart: { start: ContentBlockStart | undefined; contentBlockIndex: number | undefined } })
  | (Omit<NoEvent, "contentBlockDelta"> & { contentBlockDelta: { delta: ContentBlockDelta | undefined; contentBlockIndex: number | undefined } })
  | (Omit<NoEvent, "contentBlockStop"> & { contentBlockStop: { contentBlockIndex: number | undefined } })
  | (Omit<NoEvent, "messageStop"> & { messageStop: { stopReason: StopReason | undefined } })
  | (Omit<NoEvent, "metadata"> & { metadata: { usage: TokenUsage | undefined; metrics: ConverseMetrics | undefined } });

export interface ConverseStreamCommandOutput {
  stream?: AsyncIterable<ConverseStreamOutput> | undefined;
  $metadata: ResponseMetadata;
}

// ---- Converse ----

/** What `client.send(command, options)` accepts: `abortSignal`, `requestTimeout`. */
export type RequestOptions = Parameters<SageMakerRuntimeClient["send"]>[1];

/** Bedrock `Converse` on a SageMaker endpoint: InvokeEndpoint with a chat-completions body. */
export async function converseOnSageMaker(
  client: SageMakerRuntimeClient,
  input: ConverseCommandInput & SageMakerTarget,
  options?: RequestOptions,
): Promise<ConverseCommandOutput> {
  const started = Date.now();
  const response = await client.send(new InvokeEndpointCommand({
    ...targetOf(input),
    ContentType: "application/json",
    Accept: "application/json",
    Body: JSON.stringify(chatCompletionsBody(input, false)),
  }), options);
  const completion = JSON.parse(new TextDecoder().decode(response.Body)) as ChatCompletion;
  const choice = completion.choices?.[0];
  return {
    output: { message: { role: "assistant", content: contentOf(choice?.message) } },
    stopReason: stopReasonOf(choice),
    usage: usageOf(completion.usage),
    metrics: { latencyMs: Date.now() - started },
    $metadata: response.$metadata,
  };
}

/** Bedrock `ConverseStream` on a SageMaker endpoint: InvokeEndpointWithResponseStream with `stream: true`. */
export async function converseStreamOnSageMaker(
  client: SageMakerRuntimeClient,
  input: ConverseStreamCommandInput & SageMakerTarget,
  options?: RequestOptions,
): Promise<ConverseStreamCommandOutput> {
  const started = Date.now();
  const response = await client.send(new InvokeEndpointWithResponseStreamCommand({
    ...targetOf(input),
    ContentType: "application/json",
    Body: JSON.stringify(chatCompletionsBody(input, true)),
  }), options);
  return { stream: converseEvents(payloadJson(response.Body), started), $metadata: response.$metadata };
}

function targetOf(input: SageMakerTarget): SageMakerTarget {
  return input.InferenceComponentName
    ? { EndpointName: input.EndpointName, InferenceComponentName: input.InferenceComponentName }
    : { EndpointName: input.EndpointName };
}

// ---- Request: Converse → chat completions ----

interface ChatCompletionsBody {
  messages: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  tools?: Array<{ type: "function"; function: { name: string | undefined; description: string | undefined; parameters: DocumentType | undefined } }>;
  tool_choice?: "auto" | "required" | { type: "function"; function: { name: string | undefined } };
  stream?: boolean;
  stream_options?: { include_usage: boolean };
}

function chatCompletionsBody(input: ConverseCommandInput, stream: boolean): ChatCompletionsBody {
  const messages: ChatMessage[] = [];
  const system = (input.system ?? []).map((block) => block.text).join("\n");
  if (system !== "") messages.push({ role: "system", content: system });
  for (const message of input.messages ?? []) messages.push(...chatMessagesOf(message));
  const config = input.inferenceConfig ?? {};
  const body: ChatCompletionsBody = { messages };
  if (config.maxTokens !== undefined) body.max_tokens = config.maxTokens;
  if (config.temperature !== undefined) body.temperature = config.temperature;
  if (config.topP !== undefined) body.top_p = config.topP;
  if (config.stopSequences !== undefined) body.stop = config.stopSequences;
  if (input.toolConfig?.tools) {
    body.tools = input.toolConfig.tools.map(({ toolSpec }) => ({
      type: "function",
      function: { name: toolSpec.name, description: toolSpec.description, parameters: toolSpec.inputSchema?.json },
    }));
    const choice = input.toolConfig.toolChoice;
    if (choice?.auto) body.tool_choice = "auto";
    else if (choice?.any) body.tool_choice = "required";
    else if (choice?.tool) body.tool_choice = { type: "function", function: { name: choice.tool.name } };
  }
  // Extra sampling keys (e.g. top_k) go to the top level, where vLLM and TGI read them.
  const extra = input.additionalModelRequestFields;
  if (extra && typeof extra === "object" && !Array.isArray(extra)) Object.assign(body, extra);
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}

function chatMessagesOf(message: Message): ChatMessage[] {
  const blocks = message.content ?? [];
  const text = blocks.flatMap((block) => (block.text !== undefined ? [block.text] : []));
  for (const block of blocks) assertSupported(block);
  if (message.role === "system") return [{ role: "system", content: text.join("\n") }];
  if (message.role === "assistant") {
    const toolCalls = blocks.flatMap((block): ChatToolCall[] => (block.toolUse ? [{
      id: block.toolUse.toolUseId ?? "",
      type: "function",
      function: { name: block.toolUse.name ?? "", arguments: JSON.stringify(block.toolUse.input ?? {}) },
    }] : []));
    return [{ role: "assistant", content: text.length > 0 ? text.join("") : null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) }];
  }
  // Bedrock sends tool results in a user message; chat completions wants one `tool` message per result.
  const results: ChatMessage[] = blocks.flatMap((block): ChatMessage[] => (block.toolResult ? [{
    role: "tool",
    tool_call_id: block.toolResult.toolUseId ?? "",
    content: (block.toolResult.content ?? []).map((part) => (part.text !== undefined ? part.text : JSON.stringify(part.json))).join("\n"),
  }] : []));
  const images = blocks.flatMap((block): ChatContentPart[] => (block.image ? [imagePart(block.image)] : []));
  if (text.length === 0 && images.length === 0) return results;
  const content: string | ChatContentPart[] = images.length === 0
    ? text.join("")
    : [...text.map((part): ChatContentPart => ({ type: "text", text: part })), ...images];
  return [...results, { role: "user", content }];
}

function imagePart(image: ImageBlock): ChatContentPart {
  const bytes = image.source?.bytes;
  if (!bytes) throw new Error("Only images given as bytes can be sent to a SageMaker endpoint; download S3 images first.");
  return { type: "image_url", image_url: { url: `data:image/${image.format ?? "png"};base64,${Buffer.from(bytes).toString("base64")}` } };
}

const SUPPORTED_BLOCKS = new Set(["text", "image", "toolUse", "toolResult", "reasoningContent"]);

/** JavaScript callers can pass any Bedrock block; fail loudly on those chat completions cannot carry. */
function assertSupported(block: ContentBlock): void {
  for (const key of Object.keys(block)) {
    if (!SUPPORTED_BLOCKS.has(key)) throw new Error(`Converse content block '${key}' has no equivalent on a SageMaker chat-completions endpoint.`);
  }
}

// ---- Response: chat completion → Converse ----

function contentOf(message: ChatCompletionMessage | undefined): ContentBlock[] {
  const split = splitThinking(message?.content ?? "");
  const reasoning = message?.reasoning ?? message?.reasoning_content ?? split.reasoning;
  const toolCalls = message?.tool_calls ?? [];
  // Bedrock's order: reasoning, then text, then tool uses.
  const content: ContentBlock[] = [];
  if (reasoning) content.push({ reasoningContent: { reasoningText: { text: reasoning } } });
  if (split.text !== "" || toolCalls.length === 0) content.push({ text: split.text });
  for (const call of toolCalls) {
    content.push({ toolUse: { toolUseId: call.id, name: call.function.name, input: parseArguments(call.function.arguments) } });
  }
  return content;
}

function parseArguments(text: string): DocumentType {
  try {
    return JSON.parse(text) as DocumentType;
  } catch {
    return text;
  }
}

function stopReasonOf(choice: ChatChoice | undefined): StopReason {
  switch (choice?.finish_reason) {
    case "stop":
      // vLLM reports "stop" for end-of-sequence and stop strings alike; a stop string sets `stop_reason`.
      return typeof choice.stop_reason === "string" ? "stop_sequence" : "end_turn";
    case "stop_sequence":
      return "stop_sequence";
    case "length":
      return "max_tokens";
    case "tool_calls":
      return "tool_use";
    case "content_filter":
      return "content_filtered";
    case "error":
      throw new Error("The SageMaker endpoint reported a generation error (finish_reason 'error').");
    default:
      return "end_turn";
  }
}

function usageOf(usage: ChatUsage | null | undefined): TokenUsage {
  return { inputTokens: usage?.prompt_tokens, outputTokens: usage?.completion_tokens, totalTokens: usage?.total_tokens };
}

// ---- Streaming ----

/**
 * Re-frames a SageMaker response stream into one PayloadPart per line. Parts are arbitrary byte slices: a
 * line can span parts and a part can hold several lines. Handles LMI JSON lines and TGI `data:` SSE lines,
 * and throws on the stream's error events like Bedrock does.
 */
export async function* payloadLines(
  body: AsyncIterable<ResponseStream> | Iterable<ResponseStream> | undefined,
): AsyncGenerator<ResponseStream.PayloadPartMember> {
  let buffered: Uint8Array = new Uint8Array(0);
  for await (const event of body ?? []) {
    if (event.ModelStreamError) throw streamError(event.ModelStreamError, "ModelStreamError");
    if (event.InternalStreamFailure) throw streamError(event.InternalStreamFailure, "InternalStreamFailure");
    const bytes = event.PayloadPart?.Bytes;
    if (!bytes) continue;
    buffered = concat(buffered, bytes);
    let newline = buffered.indexOf(10);
    while (newline >= 0) {
      const line = payloadOfLine(buffered.subarray(0, newline));
      buffered = buffered.subarray(newline + 1);
      if (line) yield { PayloadPart: { Bytes: line } };
      newline = buffered.indexOf(10);
    }
  }
  const last = payloadOfLine(buffered);
  if (last) yield { PayloadPart: { Bytes: last } };
}

/** One JSON document per streamed line. */
export async function* payloadJson(body: AsyncIterable<ResponseStream> | undefined): AsyncGenerator<unknown> {
  for await (const line of payloadLines(body)) yield JSON.parse(new TextDecoder().decode(line.PayloadPart.Bytes));
}

/**
 * The generated text one streamed line carries, whatever schema the container answered with: TGI-style
 * `{token: {text}}`, OpenAI completions `{choices: [{text}]}` or chat `{choices: [{delta: {content}}]}`.
 */
export function streamedText(line: unknown): string {
  const value = line as { token?: { text?: string; special?: boolean }; choices?: Array<{ text?: string; delta?: { content?: string | null } }> };
  if (value.token) return value.token.special ? "" : value.token.text ?? "";
  const choice = value.choices?.[0];
  return choice?.text ?? choice?.delta?.content ?? "";
}

function payloadOfLine(raw: Uint8Array): Uint8Array | undefined {
  let line = new TextDecoder().decode(raw).replace(/\r$/, "");
  if (line.trim() === "" || line.startsWith(":") || /^(event|id|retry):/.test(line)) return undefined;
  if (line.startsWith("data:")) line = line.slice(5).replace(/^ /, "");
  if (line.trim() === "[DONE]") return undefined;
  return new TextEncoder().encode(line);
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left, 0);
  joined.set(right, left.length);
  return joined;
}

interface BlockState {
  index: number;
  open: boolean;
}

/** Synthesises ConverseStream events from chat-completion chunks. */
async function* converseEvents(chunks: AsyncIterable<unknown>, started: number): AsyncGenerator<ConverseStreamOutput> {
  let nextIndex = 0;
  const blocks = new Map<string, BlockState>();
  const blockFor = (key: string): BlockState => {
    let block = blocks.get(key);
    if (!block) {
      block = { index: nextIndex++, open: true };
      blocks.set(key, block);
    }
    return block;
  };
  const thinking = new ThinkingSplitter();
  let sentStart = false;
  let stopped = false;
  let usage: ChatUsage | null | undefined;

  function* textEvents(text: string, reasoning: boolean): Generator<ConverseStreamOutput> {
    if (text === "") return;
    const block = blockFor(reasoning ? "reasoning" : "text");
    yield { contentBlockDelta: { contentBlockIndex: block.index, delta: reasoning ? { reasoningContent: { text } } : { text } } };
  }
  function* stopEvents(choice: ChatChoice | undefined): Generator<ConverseStreamOutput> {
    for (const part of thinking.flush()) yield* textEvents(part.text, part.reasoning);
    for (const block of blocks.values()) {
      if (block.open) yield { contentBlockStop: { contentBlockIndex: block.index } };
      block.open = false;
    }
    stopped = true;
    yield { messageStop: { stopReason: stopReasonOf(choice) } };
  }

  for await (const raw of chunks) {
    const chunk = raw as ChatCompletion;
    if (!sentStart) {
      sentStart = true;
      yield { messageStart: { role: "assistant" } };
    }
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    const delta = choice?.delta;
    if (!delta && !choice?.finish_reason) continue;
    const reasoning = delta?.reasoning ?? delta?.reasoning_content;
    if (reasoning) yield* textEvents(reasoning, true);
    if (delta?.content) {
      for (const part of thinking.push(delta.content)) yield* textEvents(part.text, part.reasoning);
    }
    for (const call of delta?.tool_calls ?? []) {
      const key = `tool:${call.index ?? 0}`;
      if (!blocks.has(key)) {
        const block = blockFor(key);
        yield { contentBlockStart: { contentBlockIndex: block.index, start: { toolUse: { toolUseId: call.id, name: call.function?.name } } } };
      }
      const args = call.function?.arguments;
      if (args) yield { contentBlockDelta: { contentBlockIndex: blockFor(key).index, delta: { toolUse: { input: args } } } };
    }
    if (choice?.finish_reason && !stopped) yield* stopEvents(choice);
  }
  if (!sentStart) yield { messageStart: { role: "assistant" } };
  if (!stopped) yield* stopEvents(undefined);
  yield { metadata: { usage: usageOf(usage), metrics: { latencyMs: Date.now() - started } } };
}

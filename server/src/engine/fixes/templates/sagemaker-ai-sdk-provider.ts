// Written by bedrock-to-sagemaker. Amazon Bedrock does not exist in the AWS China regions; this module is a Vercel AI
// SDK provider for a SageMaker endpoint hosting an open model in an LMI (vLLM) or TGI container, so the code that
// used `@ai-sdk/amazon-bedrock` keeps calling generateText/streamText unchanged. Both containers accept an OpenAI
// chat-completions body on /invocations. Edit freely: the extension only creates this file when it is missing.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
} from "@aws-sdk/client-sagemaker-runtime";
import type { ResponseStream, SageMakerRuntimeClientConfig } from "@aws-sdk/client-sagemaker-runtime";
import type { LanguageModel } from "ai";
import type { ChatChoice, ChatCompletion, ChatCompletionMessage, ChatContentPart, ChatMessage, ChatToolCall, ChatUsage } from "./sharedChat";
import { ThinkingSplitter, splitThinking, streamError } from "./sharedChat";

// The AI SDK's language-model interface (specification v3), taken from the installed `ai` package.
type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: "v3" }>;
type CallOptions = Parameters<LanguageModelV3["doGenerate"]>[0];
type GenerateResult = Awaited<ReturnType<LanguageModelV3["doGenerate"]>>;
type StreamResult = Awaited<ReturnType<LanguageModelV3["doStream"]>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer Part> ? Part : never;
type Content = GenerateResult["content"][number];
type Usage = GenerateResult["usage"];
type FinishReason = GenerateResult["finishReason"];
type Warning = GenerateResult["warnings"][number];
type PromptMessage = CallOptions["prompt"][number];

/** Options of `createSageMaker`: those of the SageMaker Runtime client (region, credentials...), or a client. */
export interface SageMakerProviderSettings extends SageMakerRuntimeClientConfig {
  /** A client to use instead of one built from the other options. */
  client?: SageMakerRuntimeClient;
}

/** Per-model options: the inference component, when the endpoint hosts several models. */
export interface SageMakerModelSettings {
  inferenceComponentName?: string;
}

export interface SageMakerProvider {
  (endpointName: string, settings?: SageMakerModelSettings): LanguageModelV3;
  languageModel(endpointName: string, settings?: SageMakerModelSettings): LanguageModelV3;
}

/** A provider whose models are SageMaker endpoint names. */
export function createSageMaker(options: SageMakerProviderSettings = {}): SageMakerProvider {
  let client = options.client;
  const clientOf = (): SageMakerRuntimeClient => {
    if (!client) {
      const { client: _unused, ...config } = options;
      client = new SageMakerRuntimeClient(config);
    }
    return client;
  };
  const languageModel = (endpointName: string, settings: SageMakerModelSettings = {}): LanguageModelV3 =>
    new SageMakerChatModel(endpointName, settings, clientOf);
  return Object.assign(languageModel, { languageModel });
}

/** The default provider: region and credentials from the environment, like the SDK's own default client. */
export const sagemaker: SageMakerProvider = createSageMaker();

class SageMakerChatModel implements LanguageModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = "sagemaker";
  readonly supportedUrls = {};

  constructor(
    readonly modelId: string,
    private readonly settings: SageMakerModelSettings,
    private readonly client: () => SageMakerRuntimeClient,
  ) {}

  async doGenerate(options: CallOptions): Promise<GenerateResult> {
    const { body, warnings } = chatCompletionsBody(options, false);
    const response = await this.client().send(
      new InvokeEndpointCommand({ ...this.target(), ContentType: "application/json", Accept: "application/json", Body: JSON.stringify(body) }),
      abortOptions(options),
    );
    const completion = JSON.parse(new TextDecoder().decode(response.Body)) as ChatCompletion;
    const choice = completion.choices?.[0];
    return {
      content: contentOf(choice?.message),
      finishReason: finishReasonOf(choice),
      usage: usageOf(completion.usage),
      warnings,
      request: { body },
      response: { ...responseIds(completion), body: completion },
    };
  }

  async doStream(options: CallOptions): Promise<StreamResult> {
    const { body, warnings } = chatCompletionsBody(options, true);
    const response = await this.client().send(
      new InvokeEndpointWithResponseStreamCommand({ ...this.target(), ContentType: "application/json", Accept: "application/json", Body: JSON.stringify(body) }),
      abortOptions(options),
    );
    const parts = streamParts(payloadJson(response.Body), warnings);
    const stream = new ReadableStream<StreamPart>({
      async pull(controller) {
        try {
          const next = await parts.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          controller.enqueue({ type: "error", error });
          controller.close();
        }
      },
      async cancel() {
        await parts.return(undefined);
      },
    });
    return { stream, request: { body } };
  }

  private target(): { EndpointName: string; InferenceComponentName?: string } {
    const component = this.settings.inferenceComponentName;
    return component ? { EndpointName: this.modelId, InferenceComponentName: component } : { EndpointName: this.modelId };
  }
}

function abortOptions(options: CallOptions): { abortSignal?: AbortSignal } {
  return options.abortSignal ? { abortSignal: options.abortSignal } : {};
}

/** The completion's id and model, leaving out the ones the container did not send. */
function responseIds(completion: ChatCompletion): { id?: string; modelId?: string } {
  return { ...(completion.id !== undefined ? { id: completion.id } : {}), ...(completion.model !== undefined ? { modelId: completion.model } : {}) };
}

// ---- Request: AI SDK prompt → chat completions ----

interface ChatCompletionsBody {
  messages: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  stop?: string[];
  response_format?: { type: "json_object" } | { type: "json_schema"; json_schema: { name: string; schema: unknown } };
  tools?: Array<{ type: "function"; function: { name: string; description?: string | undefined; parameters: unknown } }>;
  tool_choice?: "auto" | "none" | "required" | { type: "function"; function: { name: string } };
  stream?: boolean;
  stream_options?: { include_usage: boolean };
}

function chatCompletionsBody(options: CallOptions, stream: boolean): { body: ChatCompletionsBody; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const body: ChatCompletionsBody = { messages: options.prompt.flatMap(chatMessagesOf) };
  if (options.maxOutputTokens !== undefined) body.max_tokens = options.maxOutputTokens;
  if (options.temperature !== undefined) body.temperature = options.temperature;
  if (options.topP !== undefined) body.top_p = options.topP;
  if (options.topK !== undefined) body.top_k = options.topK;
  if (options.presencePenalty !== undefined) body.presence_penalty = options.presencePenalty;
  if (options.frequencyPenalty !== undefined) body.frequency_penalty = options.frequencyPenalty;
  if (options.seed !== undefined) body.seed = options.seed;
  if (options.stopSequences !== undefined) body.stop = options.stopSequences;
  if (options.responseFormat?.type === "json") {
    body.response_format = options.responseFormat.schema
      ? { type: "json_schema", json_schema: { name: options.responseFormat.name ?? "response", schema: options.responseFormat.schema } }
      : { type: "json_object" };
  }
  const tools = (options.tools ?? []).flatMap((tool) => {
    if (tool.type === "function") return [{ type: "function" as const, function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } }];
    warnings.push({ type: "unsupported", feature: `provider tool ${tool.id}` });
    return [];
  });
  if (tools.length > 0) {
    body.tools = tools;
    const choice = options.toolChoice;
    if (choice?.type === "tool") body.tool_choice = { type: "function", function: { name: choice.toolName } };
    else if (choice) body.tool_choice = choice.type;
  }
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return { body, warnings };
}

function chatMessagesOf(message: PromptMessage): ChatMessage[] {
  switch (message.role) {
    case "system":
      return [{ role: "system", content: message.content }];
    case "user": {
      const parts = message.content.map((part): ChatContentPart => {
        if (part.type === "text") return { type: "text", text: part.text };
        if (!part.mediaType.startsWith("image/")) throw new Error(`The SageMaker chat endpoint takes text and images, not ${part.mediaType} files.`);
        return { type: "image_url", image_url: { url: dataUrl(part.data, part.mediaType) } };
      });
      const textOnly = parts.every((part) => part.type === "text");
      return [{ role: "user", content: textOnly ? parts.map((part) => (part as { text: string }).text).join("") : parts }];
    }
    case "assistant": {
      let text = "";
      const calls: ChatToolCall[] = [];
      for (const part of message.content) {
        if (part.type === "text") text += part.text;
        else if (part.type === "tool-call") calls.push({ id: part.toolCallId, type: "function", function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) } });
      }
      return [{ role: "assistant", content: text === "" && calls.length > 0 ? null : text, ...(calls.length > 0 ? { tool_calls: calls } : {}) }];
    }
    case "tool":
      return message.content.flatMap((part): ChatMessage[] => (part.type === "tool-result"
        ? [{ role: "tool", tool_call_id: part.toolCallId, content: toolOutputText(part.output) }]
        : []));
  }
}

function toolOutputText(output: Extract<Extract<PromptMessage, { role: "tool" }>["content"][number], { type: "tool-result" }>["output"]): string {
  switch (output.type) {
    case "text":
    case "error-text":
      return output.value;
    case "json":
    case "error-json":
      return JSON.stringify(output.value);
    case "execution-denied":
      return output.reason ?? "The tool execution was denied.";
    case "content":
      return output.value.map((part) => (part.type === "text" ? part.text : "")).join("");
  }
}

function dataUrl(data: string | Uint8Array | URL, mediaType: string): string {
  if (data instanceof URL) return data.toString();
  const base64 = typeof data === "string" ? data : Buffer.from(data).toString("base64");
  return `data:${mediaType};base64,${base64}`;
}

// ---- Response: chat completion → AI SDK content ----

function contentOf(message: ChatCompletionMessage | undefined): Content[] {
  const content: Content[] = [];
  const split = splitThinking(message?.content ?? "");
  const reasoning = message?.reasoning ?? message?.reasoning_content ?? split.reasoning;
  if (reasoning) content.push({ type: "reasoning", text: reasoning });
  if (split.text !== "") content.push({ type: "text", text: split.text });
  for (const call of message?.tool_calls ?? []) {
    content.push({ type: "tool-call", toolCallId: call.id, toolName: call.function.name, input: call.function.arguments || "{}" });
  }
  return content;
}

function finishReasonOf(choice: ChatChoice | undefined): FinishReason {
  const raw = choice?.finish_reason ?? undefined;
  switch (raw) {
    case "stop":
    case "eos_token":
    case "stop_sequence":
      return { unified: "stop", raw };
    case "length":
      return { unified: "length", raw };
    case "tool_calls":
      return { unified: "tool-calls", raw };
    case "content_filter":
      return { unified: "content-filter", raw };
    case "error":
      return { unified: "error", raw };
    default:
      return { unified: "other", raw };
  }
}

function usageOf(usage: ChatUsage | null | undefined): Usage {
  return {
    inputTokens: { total: usage?.prompt_tokens, noCache: usage?.prompt_tokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: usage?.completion_tokens, text: usage?.completion_tokens, reasoning: undefined },
  };
}

// ---- Streaming ----

/**
 * One JSON document per streamed line. PayloadParts are arbitrary byte slices: a line can span parts and a part
 * can hold several lines. Handles LMI JSON lines and TGI `data:` SSE lines, and throws on the stream's error events.
 */
async function* payloadJson(body: AsyncIterable<ResponseStream> | undefined): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const event of body ?? []) {
    if (event.ModelStreamError) throw streamError(event.ModelStreamError, "ModelStreamError");
    if (event.InternalStreamFailure) throw streamError(event.InternalStreamFailure, "InternalStreamFailure");
    const bytes = event.PayloadPart?.Bytes;
    if (!bytes) continue;
    buffered += decoder.decode(bytes, { stream: true });
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = payloadOfLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      if (line !== undefined) yield JSON.parse(line);
      newline = buffered.indexOf("\n");
    }
  }
  const last = payloadOfLine(buffered + decoder.decode());
  if (last !== undefined) yield JSON.parse(last);
}

function payloadOfLine(raw: string): string | undefined {
  let line = raw.replace(/\r$/, "");
  if (line.trim() === "" || line.startsWith(":") || /^(event|id|retry):/.test(line)) return undefined;
  if (line.startsWith("data:")) line = line.slice(5).replace(/^ /, "");
  return line.trim() === "[DONE]" ? undefined : line;
}

interface OpenToolCall {
  id: string;
  name: string;
  input: string;
}

/** AI SDK stream parts from chat-completion chunks. */
async function* streamParts(chunks: AsyncIterable<unknown>, warnings: Warning[]): AsyncGenerator<StreamPart> {
  yield { type: "stream-start", warnings };
  const open = new Set<"text" | "reasoning">();
  const toolCalls = new Map<number, OpenToolCall>();
  const thinking = new ThinkingSplitter();
  let finish: ChatChoice | undefined;
  let usage: ChatUsage | null | undefined;
  let metadataSent = false;

  function* textParts(text: string, reasoning: boolean): Generator<StreamPart> {
    if (text === "") return;
    const kind = reasoning ? "reasoning" : "text";
    if (!open.has(kind)) {
      open.add(kind);
      yield { type: `${kind}-start`, id: kind };
    }
    yield { type: `${kind}-delta`, id: kind, delta: text };
  }

  for await (const raw of chunks) {
    const chunk = raw as ChatCompletion;
    if (!metadataSent && (chunk.id || chunk.model)) {
      metadataSent = true;
      yield { type: "response-metadata", ...responseIds(chunk) };
    }
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    const delta = choice?.delta;
    const reasoning = delta?.reasoning ?? delta?.reasoning_content;
    if (reasoning) yield* textParts(reasoning, true);
    if (delta?.content) for (const part of thinking.push(delta.content)) yield* textParts(part.text, part.reasoning);
    for (const call of delta?.tool_calls ?? []) {
      const index = call.index ?? 0;
      let state = toolCalls.get(index);
      if (!state) {
        state = { id: call.id ?? `call-${index}`, name: call.function?.name ?? "", input: "" };
        toolCalls.set(index, state);
        yield { type: "tool-input-start", id: state.id, toolName: state.name };
      }
      const args = call.function?.arguments;
      if (args) {
        state.input += args;
        yield { type: "tool-input-delta", id: state.id, delta: args };
      }
    }
    if (choice?.finish_reason) finish = choice;
  }
  for (const part of thinking.flush()) yield* textParts(part.text, part.reasoning);
  for (const kind of open) yield { type: `${kind}-end`, id: kind };
  for (const call of toolCalls.values()) {
    yield { type: "tool-input-end", id: call.id };
    yield { type: "tool-call", toolCallId: call.id, toolName: call.name, input: call.input || "{}" };
  }
  yield { type: "finish", finishReason: finishReasonOf(finish), usage: usageOf(usage) };
}

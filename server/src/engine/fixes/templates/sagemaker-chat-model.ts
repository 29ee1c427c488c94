// Written by bedrock-to-sagemaker. Amazon Bedrock does not exist in the AWS China regions; this module is a
// LangChain.js chat model (in place of ChatBedrockConverse / BedrockChat) that calls a SageMaker endpoint hosting
// an open model in an LMI (vLLM) or TGI container. Both containers accept an OpenAI chat-completions body on
// /invocations (TGI with its Messages API). Edit freely: the extension only creates this file when it is missing.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
} from "@aws-sdk/client-sagemaker-runtime";
import type { ResponseStream, SageMakerRuntimeClientConfig } from "@aws-sdk/client-sagemaker-runtime";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type {
  BaseChatModelCallOptions,
  BaseChatModelParams,
  BindToolsInput,
} from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk } from "@langchain/core/messages";
import type { BaseMessage, ToolCall, ToolCallChunk, UsageMetadata } from "@langchain/core/messages";
import { ChatGenerationChunk } from "@langchain/core/outputs";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";

export interface SageMakerChatModelInput extends BaseChatModelParams {
  /** The SageMaker endpoint that serves the model. */
  endpointName: string;
  /** The inference component, when the endpoint hosts several. */
  inferenceComponentName?: string;
  region?: string;
  credentials?: SageMakerRuntimeClientConfig["credentials"];
  /** Options of the SageMaker Runtime client this model creates (endpoint, retries, request handler...). */
  clientOptions?: SageMakerRuntimeClientConfig;
  /** A client to use instead of creating one. */
  client?: SageMakerRuntimeClient;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  /** Merged into the top level of every request body (e.g. `top_k`). */
  additionalModelRequestFields?: Record<string, unknown>;
  /** `invoke` streams under the hood and returns the concatenated answer. */
  streaming?: boolean;
  /** Ask the container for token usage at the end of a stream (default true). */
  streamUsage?: boolean;
}

/** Tools need the endpoint started with OPTION_ENABLE_AUTO_TOOL_CHOICE=true and OPTION_TOOL_CALL_PARSER (LMI/vLLM). */
export interface SageMakerChatModelCallOptions extends BaseChatModelCallOptions {
  stop?: string[];
  tools?: BindToolsInput[];
  additionalModelRequestFields?: Record<string, unknown>;
  streamUsage?: boolean;
}

// ---- chat-completions wire shapes ----

type ChatContentPart = { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } | string };

interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

type ChatMessage =
  | { role: "system" | "user"; content: string | ChatContentPart[] }
  | { role: "assistant"; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: "tool"; tool_call_id: string; content: string };

interface ChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

interface ChatChoice {
  message?: { content?: string | null; tool_calls?: ChatToolCall[] | null };
  delta?: {
    content?: string | null;
    tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }> | null;
  };
  finish_reason?: string | null;
}

interface ChatCompletion {
  choices?: ChatChoice[];
  usage?: ChatUsage | null;
}

/** The request body: the chat-completions fields, plus any extra sampling keys (e.g. `top_k`). */
interface ChatRequestBody {
  messages?: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  tools?: unknown[];
  tool_choice?: unknown;
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  [extra: string]: unknown;
}

export class SageMakerChatModel extends BaseChatModel<SageMakerChatModelCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return "SageMakerChatModel";
  }

  endpointName: string;
  inferenceComponentName?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  topP?: number | undefined;
  additionalModelRequestFields?: Record<string, unknown> | undefined;
  streaming: boolean;
  streamUsage: boolean;
  client: SageMakerRuntimeClient;

  constructor(fields: SageMakerChatModelInput) {
    super(fields);
    this.endpointName = fields.endpointName;
    this.inferenceComponentName = fields.inferenceComponentName;
    this.temperature = fields.temperature;
    this.maxTokens = fields.maxTokens;
    this.topP = fields.topP;
    this.additionalModelRequestFields = fields.additionalModelRequestFields;
    this.streaming = fields.streaming ?? false;
    this.streamUsage = fields.streamUsage ?? true;
    this.client = fields.client ?? new SageMakerRuntimeClient({
      ...fields.clientOptions,
      ...(fields.region !== undefined ? { region: fields.region } : {}),
      ...(fields.credentials !== undefined ? { credentials: fields.credentials } : {}),
    });
  }

  _llmType(): string {
    return "sagemaker";
  }

  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<SageMakerChatModelCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, SageMakerChatModelCallOptions> {
    return this.withConfig({ tools, ...kwargs } as Partial<SageMakerChatModelCallOptions>);
  }

  override invocationParams(options?: this["ParsedCallOptions"]): ChatRequestBody {
    const body: ChatRequestBody = {};
    if (this.maxTokens !== undefined) body.max_tokens = this.maxTokens;
    if (this.temperature !== undefined) body.temperature = this.temperature;
    if (this.topP !== undefined) body.top_p = this.topP;
    if (options?.stop !== undefined) body.stop = options.stop;
    if (options?.tools && options.tools.length > 0) {
      body.tools = options.tools.map((tool) => convertToOpenAITool(tool));
      const choice = toolChoiceOf(options.tool_choice);
      if (choice !== undefined) body.tool_choice = choice;
    }
    // Extra sampling keys (e.g. top_k) go to the top level, where vLLM and TGI read them.
    return { ...body, ...this.additionalModelRequestFields, ...options?.additionalModelRequestFields };
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    if (this.streaming) {
      let merged: ChatGenerationChunk | undefined;
      for await (const chunk of this._streamResponseChunks(messages, options, runManager)) merged = merged ? merged.concat(chunk) : chunk;
      const message = merged?.message ?? new AIMessageChunk({ content: "" });
      return { generations: [{ text: merged?.text ?? "", message }] };
    }
    const response = await this.client.send(new InvokeEndpointCommand({
      ...this.target(),
      ContentType: "application/json",
      Accept: "application/json",
      Body: JSON.stringify(this.requestBody(messages, options, false)),
    }), requestOptions(options));
    const completion = JSON.parse(new TextDecoder().decode(response.Body)) as ChatCompletion;
    const choice = completion.choices?.[0];
    const text = choice?.message?.content ?? "";
    const toolCalls = (choice?.message?.tool_calls ?? []).map((call): ToolCall => ({
      id: call.id, name: call.function.name, args: parseArguments(call.function.arguments), type: "tool_call",
    }));
    const message = new AIMessage({
      content: text,
      tool_calls: toolCalls,
      response_metadata: choice?.finish_reason ? { finish_reason: choice.finish_reason } : {},
    });
    withUsage(message, completion.usage);
    return { generations: [{ text, message }], llmOutput: { usage: completion.usage } };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const response = await this.client.send(new InvokeEndpointWithResponseStreamCommand({
      ...this.target(),
      ContentType: "application/json",
      Body: JSON.stringify(this.requestBody(messages, options, true)),
    }), requestOptions(options));
    for await (const line of jsonLines(response.Body)) {
      const chunk = line as ChatCompletion;
      const choice = chunk.choices?.[0];
      const text = choice?.delta?.content ?? "";
      const toolCallChunks = (choice?.delta?.tool_calls ?? []).map((call) => ({
        id: call.id, name: call.function?.name, args: call.function?.arguments, index: call.index, type: "tool_call_chunk",
      }) as ToolCallChunk);
      if (text === "" && toolCallChunks.length === 0 && !chunk.usage && !choice?.finish_reason) continue;
      const message = new AIMessageChunk({
        content: text,
        tool_call_chunks: toolCallChunks,
        response_metadata: choice?.finish_reason ? { finish_reason: choice.finish_reason } : {},
      });
      withUsage(message, chunk.usage);
      const generation = new ChatGenerationChunk({ text, message });
      yield generation;
      await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk: generation });
    }
  }

  private target(): { EndpointName: string; InferenceComponentName?: string } {
    return this.inferenceComponentName
      ? { EndpointName: this.endpointName, InferenceComponentName: this.inferenceComponentName }
      : { EndpointName: this.endpointName };
  }

  private requestBody(messages: BaseMessage[], options: this["ParsedCallOptions"], stream: boolean): ChatRequestBody {
    const body: ChatRequestBody = { messages: messages.map(chatMessageOf), ...this.invocationParams(options) };
    if (stream) {
      body.stream = true;
      if (options.streamUsage ?? this.streamUsage) body.stream_options = { include_usage: true };
    }
    return body;
  }
}

/** What `client.send` gets besides the command: the caller's abort signal, when there is one. */
function requestOptions(options: BaseChatModelCallOptions): { abortSignal?: AbortSignal } {
  return options.signal ? { abortSignal: options.signal } : {};
}

// ---- LangChain messages → chat completions ----

function chatMessageOf(message: BaseMessage): ChatMessage {
  switch (message.getType()) {
    case "system":
      return { role: "system", content: message.text };
    case "ai": {
      const toolCalls = (message as AIMessage).tool_calls ?? [];
      return {
        role: "assistant",
        content: message.text === "" && toolCalls.length > 0 ? null : message.text,
        ...(toolCalls.length > 0 ? {
          tool_calls: toolCalls.map((call) => ({ id: call.id ?? "", type: "function" as const, function: { name: call.name, arguments: JSON.stringify(call.args) } })),
        } : {}),
      };
    }
    case "tool":
      return { role: "tool", tool_call_id: (message as unknown as { tool_call_id: string }).tool_call_id, content: message.text };
    case "human":
      return { role: "user", content: userContentOf(message) };
    default:
      throw new Error(`A '${message.getType()}' message has no equivalent on a SageMaker chat-completions endpoint.`);
  }
}

/** Text stays a string; text and image parts become chat-completions parts. */
function userContentOf(message: BaseMessage): string | ChatContentPart[] {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part): ChatContentPart => {
    if (part.type === "text" && typeof part.text === "string") return { type: "text", text: part.text };
    if (part.type === "image_url") return { type: "image_url", image_url: part["image_url"] as { url: string } | string };
    throw new Error(`A '${part.type}' content part has no equivalent on a SageMaker chat-completions endpoint.`);
  });
}

/** LangChain's choices (`any` = some tool) in chat-completions terms; a plain name forces that tool. */
function toolChoiceOf(choice: BaseChatModelCallOptions["tool_choice"]): unknown {
  if (choice === undefined) return undefined;
  if (choice === "any" || choice === "required") return "required";
  if (choice === "auto" || choice === "none") return choice;
  if (typeof choice === "string") return { type: "function", function: { name: choice } };
  return choice;
}

function parseArguments(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text === "" ? "{}" : text) as unknown;
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : { value };
  } catch {
    return { input: text };
  }
}

/** Sets the token usage (assigned, not passed in: LangChain's inferred field type is `undefined` under exactOptionalPropertyTypes). */
function withUsage(message: AIMessage | AIMessageChunk, usage: ChatUsage | null | undefined): void {
  if (usage) Object.assign(message, { usage_metadata: usageOf(usage) });
}

function usageOf(usage: ChatUsage): UsageMetadata {
  const input = usage.prompt_tokens ?? 0;
  const output = usage.completion_tokens ?? 0;
  return { input_tokens: input, output_tokens: output, total_tokens: usage.total_tokens ?? input + output };
}

// ---- streaming ----

/**
 * One JSON document per streamed line. PayloadParts are arbitrary byte slices (a line can span parts, a part can
 * hold several lines); LMI streams bare JSON lines, TGI `data:` server-sent events ending with `[DONE]`.
 */
async function* jsonLines(body: AsyncIterable<ResponseStream> | undefined): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const event of body ?? []) {
    if (event.ModelStreamError) throw Object.assign(new Error(event.ModelStreamError.Message ?? "ModelStreamError"), { name: "ModelStreamError" });
    if (event.InternalStreamFailure) throw Object.assign(new Error(event.InternalStreamFailure.Message ?? "InternalStreamFailure"), { name: "InternalStreamFailure" });
    if (!event.PayloadPart?.Bytes) continue;
    pending += decoder.decode(event.PayloadPart.Bytes, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const document = documentOf(line);
      if (document !== undefined) yield document;
    }
  }
  const last = documentOf(pending + decoder.decode());
  if (last !== undefined) yield last;
}

function documentOf(raw: string): unknown {
  let line = raw.replace(/\r$/, "");
  if (line.trim() === "" || line.startsWith(":") || /^(event|id|retry):/.test(line)) return undefined;
  if (line.startsWith("data:")) line = line.slice("data:".length).trim();
  return line === "[DONE]" ? undefined : JSON.parse(line);
}

// Code shared by the module templates (sagemaker-converse.ts, sagemaker-ai-sdk-provider.ts): the chat-completions
// messages they send and the completions they read, the stream's error events, and reasoning in `<think>…</think>` tags. embed-adapter-template.mjs
// inlines it into each generated module, where the `export`s go: the modules the fixes write stay single files.

export type ChatContentPart = { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } };

export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string | ChatContentPart[] }
  | { role: "assistant"; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: "tool"; tool_call_id: string; content: string };

// What the containers answer: a chat completion, or (streaming) its chunks with `delta`s.

export interface ChatCompletionMessage {
  content?: string | null;
  reasoning?: string | null;
  reasoning_content?: string | null;
  tool_calls?: ChatToolCall[] | null;
}

export interface ChatChoice {
  message?: ChatCompletionMessage;
  delta?: ChatCompletionMessage & { tool_calls?: Array<Partial<ChatToolCall> & { index?: number; function?: { name?: string; arguments?: string } }> | null };
  finish_reason?: string | null;
  /** vLLM: the stop string or token that ended generation, if any. */
  stop_reason?: string | number | null;
}

export interface ChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

export interface ChatCompletion {
  id?: string;
  model?: string;
  choices?: ChatChoice[];
  usage?: ChatUsage | null;
}

/** A SageMaker stream error event (ModelStreamError, InternalStreamFailure) as the Error it throws. */
export function streamError(value: { Message?: string | undefined }, name: string): Error {
  if (value instanceof Error) return value;
  return Object.assign(new Error(value.Message ?? name), { name });
}

/** DeepSeek-R1 style models without a reasoning parser put their reasoning inside `<think>…</think>`. */
export function splitThinking(text: string): { reasoning: string | undefined; text: string } {
  const end = text.indexOf("</think>");
  if (end < 0) return { reasoning: undefined, text };
  const reasoning = text.slice(0, end).replace(/^\s*<think>/, "").trim();
  return { reasoning: reasoning === "" ? undefined : reasoning, text: text.slice(end + "</think>".length).replace(/^\s+/, "") };
}

/** Splits streamed text into reasoning (inside `<think>…</think>`) and answer, even when a tag spans chunks. */
export class ThinkingSplitter {
  private pending = "";
  private state: "start" | "thinking" | "answer" = "start";

  push(text: string): Array<{ text: string; reasoning: boolean }> {
    this.pending += text;
    const parts: Array<{ text: string; reasoning: boolean }> = [];
    if (this.state === "start") {
      const trimmed = this.pending.replace(/^\s+/, "");
      if ("<think>".startsWith(trimmed)) return parts; // could still become the opening tag
      if (trimmed.startsWith("<think>")) {
        this.state = "thinking";
        this.pending = trimmed.slice("<think>".length);
      } else {
        this.state = "answer";
      }
    }
    if (this.state === "thinking") {
      const end = this.pending.indexOf("</think>");
      if (end < 0) {
        const keep = partialSuffix(this.pending, "</think>");
        parts.push({ text: this.pending.slice(0, this.pending.length - keep), reasoning: true });
        this.pending = this.pending.slice(this.pending.length - keep);
        return parts;
      }
      parts.push({ text: this.pending.slice(0, end), reasoning: true });
      this.pending = this.pending.slice(end + "</think>".length).replace(/^\s+/, "");
      this.state = "answer";
    }
    parts.push({ text: this.pending, reasoning: false });
    this.pending = "";
    return parts;
  }

  flush(): Array<{ text: string; reasoning: boolean }> {
    const text = this.pending;
    this.pending = "";
    return text === "" ? [] : [{ text, reasoning: this.state === "thinking" }];
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

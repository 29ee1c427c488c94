// The "model" behind both stand-ins: a deterministic answer computed from what the request asked for, so a
// rewrite that loses the prompt, the system text or the token limit prints something different.

export interface Question {
  /** The last user text (chat) or the whole prompt (completions / TGI `inputs`). */
  text: string;
  maxTokens: number | undefined;
  system?: string;
}

export function answerFor(question: Question): string {
  const system = question.system ? ` system="${question.system}"` : '';
  return `Echo "${question.text}" max=${question.maxTokens ?? 'unset'}${system}.`;
}

/** DeepSeek-R1 style reasoning that comes before the answer. */
export function reasoningFor(question: Question): string {
  return `The user asked about "${question.text}".`;
}

/** The answer in streamable pieces (words with their leading space), as a tokenizer would emit them. */
export function tokensOf(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function tokenCount(text: string): number {
  return tokensOf(text).length;
}

/** A tool offered to the model: its name and JSON schema. */
export interface ToolSpec {
  name: string;
  schema: unknown;
}

export interface ScriptedToolCall {
  id: string;
  name: string;
  input: Record<string, string>;
  /** `input` as the JSON text chat completions carry (its tokens are the call's output tokens). */
  arguments: string;
}

/** Offered tools make the model call the first one, with every string parameter set to the question. */
export function toolCallFor(question: Question, tools: readonly ToolSpec[]): ScriptedToolCall | undefined {
  const tool = tools[0];
  if (!tool) return undefined;
  const properties = (tool.schema as { properties?: Record<string, { type?: string }> } | undefined)?.properties ?? {};
  const input = Object.fromEntries(Object.entries(properties).filter(([, property]) => property.type === 'string').map(([name]) => [name, question.text]));
  return { id: 'call-standin-1', name: tool.name, input, arguments: JSON.stringify(input) };
}

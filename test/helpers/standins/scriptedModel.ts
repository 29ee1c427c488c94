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

import type { AIMessage, AIMessageChunk } from "@langchain/core/messages";

export function usageLine(message: AIMessage | AIMessageChunk | undefined): string {
  const usage = message?.usage_metadata;
  return `usage: in=${usage?.input_tokens} out=${usage?.output_tokens} total=${usage?.total_tokens}`;
}

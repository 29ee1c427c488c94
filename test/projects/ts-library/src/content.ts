import type { ContentBlock, Message, ToolResultContentBlock } from "./types.js";

export function userMessage(text: string): Message {
  return { role: "user", content: [{ text }] };
}

export function textOf(blocks: ContentBlock[] | undefined): string {
  return (blocks ?? []).map((block) => block.text ?? "").join("");
}

/** Renders a tool's result blocks as plain text for the next user turn. */
export function describeToolResult(blocks: ToolResultContentBlock[]): string {
  return blocks.map((block) => (block.text !== undefined ? block.text : JSON.stringify(block.json))).join(" ");
}

export { createClient } from "./client.js";
export { Chat } from "./chat.js";
export { describeToolResult, textOf, userMessage } from "./content.js";
export type { ChatOptions, ContentBlock, Message, ToolResultContentBlock } from "./types.js";

// The message types the toolkit speaks are Bedrock's own.
export type { Message, ContentBlock, ToolResultContentBlock, ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";

export interface ChatOptions {
  modelId?: string;
  maxTokens?: number;
}

import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

// One shared client for the whole service.
let client: BedrockRuntimeClient | undefined;

export function getClient(): BedrockRuntimeClient {
  client ??= new BedrockRuntimeClient({ region: "us-east-1", maxAttempts: 3 });
  return client;
}

export const CHAT_MODEL_ID = "us.meta.llama4-scout-17b-instruct-v1:0";
export const SUMMARY_MODEL_ID = "meta.llama3-1-8b-instruct-v1:0";

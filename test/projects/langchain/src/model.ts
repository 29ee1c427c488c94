import { ChatBedrockConverse } from "@langchain/aws";

/** The assistant's chat model: Llama 3.1 8B, deterministic answers. */
export function createModel() {
  return new ChatBedrockConverse({
    model: "meta.llama3-1-8b-instruct-v1:0",
    region: "us-east-1",
    temperature: 0,
    maxTokens: 128,
  });
}

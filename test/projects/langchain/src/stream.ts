import "./env.js";
import { ChatBedrockConverse } from "@langchain/aws";
import type { AIMessageChunk } from "@langchain/core/messages";
import { usageLine } from "./usage.js";

const model = new ChatBedrockConverse({
  model: "meta.llama3-1-8b-instruct-v1:0",
  region: process.env.AWS_REGION ?? "us-west-2",
  maxTokens: 64,
});

let full: AIMessageChunk | undefined;
for await (const chunk of await model.stream("Tell me about Yinchuan")) {
  full = full ? full.concat(chunk) : chunk;
}
console.log(`text: ${full?.text}`);
console.log(usageLine(full));

"use strict";
const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");
const { report } = require("../../lib/answers");

const client = new BedrockRuntimeClient({ region: "us-west-2", endpoint: process.env.STANDIN_ENDPOINT });

async function main() {
  const response = await client.send(new ConverseCommand({
    modelId: "meta.llama3-1-8b-instruct-v1:0",
    messages: [
      { role: "user", content: [{ text: "Hello." }] },
      { role: "assistant", content: [{ text: "Hi! How can I help?" }] },
      { role: "user", content: [{ text: "Which river flows through Wuhan?" }] },
    ],
    inferenceConfig: { maxTokens: 300 },
  }));
  report("converse", response.output && response.output.message && response.output.message.content && response.output.message.content[0].text);
  report("usage", response.usage && response.usage.totalTokens);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

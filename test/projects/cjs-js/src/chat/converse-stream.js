"use strict";
const bedrock = require("@aws-sdk/client-bedrock-runtime");
const { report } = require("../../lib/answers");

const client = new bedrock.BedrockRuntimeClient({ region: "us-west-2", endpoint: process.env.STANDIN_ENDPOINT });

async function main() {
  const response = await client.send(new bedrock.ConverseStreamCommand({
    modelId: "meta.llama3-1-8b-instruct-v1:0",
    system: [{ text: "You are terse." }],
    messages: [{ role: "user", content: [{ text: "Name a dumpling." }] }],
    inferenceConfig: { maxTokens: 40 },
  }));
  const pieces = [];
  if (response.stream) {
    for await (const event of response.stream) {
      const delta = event.contentBlockDelta && event.contentBlockDelta.delta;
      if (delta && delta.text) pieces.push(delta.text);
    }
  }
  report("converse-stream", pieces.join(""));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

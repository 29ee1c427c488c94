"use strict";
const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require("@aws-sdk/client-bedrock-runtime");
const { report } = require("../../lib/answers");

const client = new BedrockRuntimeClient({ region: "us-west-2", endpoint: process.env.STANDIN_ENDPOINT });

async function main() {
  const response = await client.send(new InvokeModelWithResponseStreamCommand({
    modelId: "meta.llama3-1-8b-instruct-v1:0",
    body: JSON.stringify({
      prompt: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\nSay something about pandas.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n",
      max_gen_len: 80,
    }),
  }));
  let text = "";
  for await (const event of response.body || []) {
    if (!event.chunk || !event.chunk.bytes) continue;
    const piece = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    text += piece.generation;
  }
  report("llama-stream", text);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

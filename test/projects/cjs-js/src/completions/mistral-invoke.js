"use strict";
const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");
const { report } = require("../../lib/answers");

const client = new BedrockRuntimeClient({ region: "us-west-2", endpoint: process.env.STANDIN_ENDPOINT });

async function main() {
  const response = await client.send(new InvokeModelCommand({
    modelId: "mistral.mistral-7b-instruct-v0:2",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({
      prompt: "<s>[INST] Translate 'thank you' to Mandarin. [/INST]",
      max_tokens: 50,
      temperature: 0.4,
      top_p: 0.9,
    }),
  }));
  const parsed = JSON.parse(new TextDecoder().decode(response.body));
  report("mistral-invoke", parsed.outputs[0].text);
  report("mistral-stop", parsed.outputs[0].stop_reason);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

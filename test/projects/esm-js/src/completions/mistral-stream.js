import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { printAnswer } from "../lib/print.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const response = await client.send(
  new InvokeModelWithResponseStreamCommand({
    modelId: "mistral.mistral-7b-instruct-v0:2",
    contentType: "application/json",
    body: JSON.stringify({ prompt: "<s>[INST] Name two Chinese rivers. [/INST]", max_tokens: 48 }),
  }),
);
let text = "";
let stopReason = null;
for await (const event of response.body ?? []) {
  if (!event.chunk?.bytes) continue;
  const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
  text += chunk.outputs[0].text;
  stopReason = chunk.outputs[0].stop_reason ?? stopReason;
}
printAnswer("mistral-stream", text);
console.log(`stop: ${stopReason}`);

import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { printAnswer } from "../lib/print.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

async function main() {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "meta.llama3-8b-instruct-v1:0",
      messages: [{ role: "user", content: [{ text: "List three Chinese provinces." }] }],
      inferenceConfig: { maxTokens: 128 },
    }),
  );
  let text = "";
  let stopReason;
  for await (const event of response.stream ?? []) {
    if (event.contentBlockDelta?.delta?.text) text += event.contentBlockDelta.delta.text;
    if (event.messageStop) stopReason = event.messageStop.stopReason;
  }
  printAnswer("converse-stream", text);
  console.log(stopReason);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

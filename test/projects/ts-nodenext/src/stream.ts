import { BedrockRuntimeClient, ConverseStreamCommand, type ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { show } from "./prompts.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

function textOf(event: ConverseStreamOutput): string {
  return event.contentBlockDelta?.delta?.text ?? "";
}

async function main(): Promise<void> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "meta.llama3-8b-instruct-v1:0",
      messages: [{ role: "user", content: [{ text: "How high is Everest?" }] }],
      inferenceConfig: { maxTokens: 64 },
    }),
  );
  let answer = "";
  let outputTokens: number | undefined;
  for await (const event of response.stream ?? []) {
    answer += textOf(event);
    if (event.metadata) outputTokens = event.metadata.usage?.outputTokens;
  }
  show("stream", answer);
  show("output tokens", outputTokens);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

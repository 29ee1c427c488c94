import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { REGION } from "../config";

const client = new BedrockRuntimeClient({ region: REGION, endpoint: process.env.STANDIN_ENDPOINT });

export async function reply(question: string): Promise<{ text: string; tokens: number }> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.meta.llama3-2-3b-instruct-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 180 },
    }),
  );
  return { text: response.output?.message?.content?.[0]?.text ?? "", tokens: response.usage?.totalTokens ?? 0 };
}

export async function replyStreaming(question: string, onText: (text: string) => void): Promise<void> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "us.meta.llama3-2-3b-instruct-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 90 },
    }),
  );
  for await (const event of response.stream ?? []) {
    const text = event.contentBlockDelta?.delta?.text;
    if (text) onText(text);
  }
}

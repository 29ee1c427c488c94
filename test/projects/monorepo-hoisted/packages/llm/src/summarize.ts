import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

export async function summarize(text: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "meta.llama3-1-70b-instruct-v1:0",
      system: [{ text: "Summarise in one line." }],
      messages: [{ role: "user", content: [{ text }] }],
      inferenceConfig: { maxTokens: 100 },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? "";
}

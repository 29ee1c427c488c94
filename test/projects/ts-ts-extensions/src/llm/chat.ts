import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import type { AskOptions } from "./options.ts";

const client = new BedrockRuntimeClient({ region: "eu-west-1", endpoint: process.env.STANDIN_ENDPOINT });

export async function chat(question: string, options: AskOptions): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "meta.llama3-70b-instruct-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: options.maxTokens, temperature: options.temperature },
    }),
  );
  return response.output?.message?.content?.map((block) => block.text ?? "").join("") ?? "";
}

export async function* chatStream(question: string, options: AskOptions): AsyncGenerator<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "meta.llama3-70b-instruct-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: options.maxTokens },
    }),
  );
  for await (const event of response.stream ?? []) {
    if (event.contentBlockDelta?.delta?.text !== undefined) yield event.contentBlockDelta.delta.text;
  }
}

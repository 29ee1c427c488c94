import { ConverseCommand, ConverseStreamCommand, type Message } from "@aws-sdk/client-bedrock-runtime";
import { CHAT_MODEL_ID, getClient } from "./bedrockClient";

export async function answer(history: Message[], question: string): Promise<string> {
  const response = await getClient().send(
    new ConverseCommand({
      modelId: CHAT_MODEL_ID,
      system: [{ text: "You are a helpful support assistant." }],
      messages: [...history, { role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0.3 },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? "";
}

export async function* answerStream(question: string): AsyncGenerator<string> {
  const response = await getClient().send(
    new ConverseStreamCommand({
      modelId: CHAT_MODEL_ID,
      messages: [{ role: "user", content: [{ text: question }] }],
    }),
  );
  for await (const event of response.stream ?? []) {
    const text = event.contentBlockDelta?.delta?.text;
    if (text) yield text;
  }
}

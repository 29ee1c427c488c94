import { BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";
import { SYSTEM_PROMPT, show } from "./prompts.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

export async function ask(question: string): Promise<string> {
  const messages: Message[] = [{ role: "user", content: [{ text: question }] }];
  const response = await client.send(
    new ConverseCommand({
      modelId: "meta.llama3-8b-instruct-v1:0",
      system: [{ text: SYSTEM_PROMPT }],
      messages,
      inferenceConfig: { maxTokens: 256, topP: 0.9 },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? "";
}

show("converse", await ask("Where is Lhasa?"));

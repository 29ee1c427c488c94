import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

export async function chat(text: string, fast: boolean): Promise<string | undefined> {
  const response = await client.send(new ConverseCommand({
    modelId: fast ? "meta.llama3-1-8b-instruct-v1:0" : "meta.llama3-1-70b-instruct-v1:0",
    messages: [{ role: "user", content: [{ text }] }],
    inferenceConfig: { maxTokens: 40 },
  }));
  return response.output?.message?.content?.[0]?.text;
}

export async function ask(question: string, big: boolean): Promise<string> {
  const response = await client.send(new InvokeModelCommand({
    modelId: big ? "meta.llama3-70b-instruct-v1:0" : "meta.llama3-8b-instruct-v1:0",
    body: JSON.stringify({ prompt: question, max_gen_len: 40 }),
  }));
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.generation;
}

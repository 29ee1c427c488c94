import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

export async function complete(prompt: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "meta.llama3-1-70b-instruct-v1:0",
      body: JSON.stringify({ prompt, max_gen_len: 60 }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.generation as string;
}

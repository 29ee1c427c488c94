import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { DEFAULTS } from "./options.ts";

const client = new BedrockRuntimeClient({ region: "eu-west-1", endpoint: process.env.STANDIN_ENDPOINT });

export async function complete(prompt: string): Promise<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "meta.llama3-70b-instruct-v1:0",
      body: JSON.stringify({ prompt, max_gen_len: DEFAULTS.maxTokens }),
    }),
  );
  const decoder = new TextDecoder();
  let text = "";
  for await (const event of response.body ?? []) {
    if (event.chunk?.bytes) text += (JSON.parse(decoder.decode(event.chunk.bytes)) as { generation: string }).generation;
  }
  return text;
}

import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { getClient, SUMMARY_MODEL_ID } from "./bedrockClient";

const prompt = (text: string) =>
  `<|begin_of_text|><|start_header_id|>user<|end_header_id|>\nSummarise:\n${text}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n`;

export async function summarize(text: string): Promise<string> {
  const response = await getClient().send(
    new InvokeModelCommand({
      modelId: SUMMARY_MODEL_ID,
      contentType: "application/json",
      body: JSON.stringify({ prompt: prompt(text), max_gen_len: 256, temperature: 0.2, top_p: 0.9 }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).generation;
}

export async function summarizeLive(text: string, onToken: (token: string) => void): Promise<void> {
  const response = await getClient().send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "us.deepseek.r1-v1:0",
      body: JSON.stringify({ prompt: prompt(text), max_tokens: 512 }),
    }),
  );
  for await (const event of response.body ?? []) {
    if (event.chunk?.bytes) onToken(JSON.parse(new TextDecoder().decode(event.chunk.bytes)).choices[0].text);
  }
}

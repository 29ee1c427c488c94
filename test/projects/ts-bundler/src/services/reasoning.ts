import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { REGION } from "../config";

const client = new BedrockRuntimeClient({ region: REGION, endpoint: process.env.STANDIN_ENDPOINT });

interface DeepSeekResponse {
  choices: Array<{ text: string; stop_reason: string }>;
}

export async function solve(problem: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "deepseek.r1-v1:0",
      contentType: "application/json",
      body: JSON.stringify({ prompt: `<｜begin▁of▁sentence｜><｜User｜>${problem}<｜Assistant｜><think>\n`, max_tokens: 400, temperature: 0.6 }),
    }),
  );
  const parsed = JSON.parse(new TextDecoder().decode(response.body)) as DeepSeekResponse;
  return parsed.choices[0].text;
}

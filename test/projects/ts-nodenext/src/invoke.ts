import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { llama3Prompt, show } from "./prompts.js";

interface LlamaResponse {
  generation: string;
  stop_reason: string;
}

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const response = await client.send(
  new InvokeModelCommand({
    modelId: "meta.llama3-8b-instruct-v1:0",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({ prompt: llama3Prompt("Which desert is in Xinjiang?"), max_gen_len: 200, temperature: 0.6 }),
  }),
);
const result = JSON.parse(new TextDecoder().decode(response.body)) as LlamaResponse;
show("invoke", result.generation);

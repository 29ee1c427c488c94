import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { printAnswer } from "../lib/print.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const response = await client.send(
  new InvokeModelCommand({
    modelId: "mistral.mistral-7b-instruct-v0:2",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({ prompt: "<s>[INST] Describe dim sum in five words. [/INST]", max_tokens: 64, temperature: 0.2 }),
  }),
);
const result = JSON.parse(new TextDecoder().decode(response.body));
printAnswer("mistral-invoke", result.outputs[0].text);

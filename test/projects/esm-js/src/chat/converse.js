import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { printAnswer } from "../lib/print.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const response = await client.send(
  new ConverseCommand({
    modelId: "meta.llama3-8b-instruct-v1:0",
    system: [{ text: "Answer in one sentence." }],
    messages: [{ role: "user", content: [{ text: "What is the Great Wall?" }] }],
    inferenceConfig: { maxTokens: 200, temperature: 0.3 },
  }),
);
printAnswer("converse", response.output?.message?.content?.[0]?.text);
console.log(response.stopReason, response.usage?.outputTokens);

import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { line } from "./output.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const response = await client.send(
  new ConverseCommand({
    modelId: "meta.llama3-8b-instruct-v1:0",
    messages: [{ role: "user", content: [{ text: "Suggest a name for a noodle bar." }] }],
    inferenceConfig: { maxTokens: 40 },
  }),
);
line("llama", response.output?.message?.content?.[0]?.text ?? "");

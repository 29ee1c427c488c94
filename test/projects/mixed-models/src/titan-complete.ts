import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { line } from "./output.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const response = await client.send(
  new InvokeModelCommand({
    modelId: "amazon.titan-text-express-v1",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({ inputText: "Write a slogan for a tea shop.", textGenerationConfig: { maxTokenCount: 50, temperature: 0.7 } }),
  }),
);
const parsed = JSON.parse(new TextDecoder().decode(response.body)) as { results: Array<{ outputText: string }> };
line("titan", parsed.results[0].outputText);

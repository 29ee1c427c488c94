import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { line } from "./output.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

interface ClaudeResponse {
  content: Array<{ type: string; text: string }>;
  stop_reason: string;
}

const response = await client.send(
  new InvokeModelCommand({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    contentType: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 300,
      messages: [{ role: "user", content: [{ type: "text", text: "Summarise the history of Xi'an." }] }],
    }),
  }),
);
const parsed = JSON.parse(new TextDecoder().decode(response.body)) as ClaudeResponse;
line("claude", parsed.content[0].text);

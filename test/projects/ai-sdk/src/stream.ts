import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { streamText } from "ai";
import { show } from "./show.js";

const provider = createAmazonBedrock({
  region: "us-east-1",
  baseURL: process.env.STANDIN_ENDPOINT,
});

async function main(): Promise<void> {
  const result = streamText({
    model: provider.languageModel("meta.llama3-1-70b-instruct-v1:0"),
    messages: [{ role: "user", content: "Name a river in Yunnan." }],
    maxOutputTokens: 128,
  });
  const pieces: string[] = [];
  for await (const piece of result.textStream) pieces.push(piece);
  show("pieces", pieces.length > 1 ? "several" : "one");
  show("text", pieces.join(""));
  show("finish", await result.finishReason);
  const usage = await result.usage;
  show("usage", [usage.inputTokens, usage.outputTokens]);
}

await main();

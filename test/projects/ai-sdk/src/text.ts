import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { generateText } from "ai";
import { show } from "./show.js";

const bedrock = createAmazonBedrock({ region: "us-east-1", baseURL: process.env.STANDIN_ENDPOINT });

const result = await generateText({
  model: bedrock("meta.llama3-8b-instruct-v1:0"),
  system: "You answer questions about Chinese geography.",
  prompt: "Where is Lhasa?",
  maxOutputTokens: 256,
  temperature: 0.2,
});
show("text", result.text);
show("finish", result.finishReason);
show("usage", [result.usage.inputTokens, result.usage.outputTokens]);

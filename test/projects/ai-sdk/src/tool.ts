import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { generateText, jsonSchema, tool } from "ai";
import { show } from "./show.js";

const bedrock = createAmazonBedrock({ region: "us-east-1", baseURL: process.env.STANDIN_ENDPOINT });

const weather = tool({
  description: "The weather in a city",
  inputSchema: jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  }),
  execute: async ({ city }) => `Sunny in ${city}`,
});

const result = await generateText({
  model: bedrock("meta.llama3-8b-instruct-v1:0"),
  prompt: "Kunming",
  tools: { weather },
});
show("finish", result.finishReason);
show("calls", result.toolCalls.map((call) => [call.toolName, call.input]));
show("results", result.toolResults.map((toolResult) => toolResult.output));

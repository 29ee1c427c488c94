import { ChatBedrockConverse, BedrockEmbeddings } from "@langchain/aws";
import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { Bedrock } from "@llamaindex/aws";
import { generateText } from "ai";
import OpenAI from "openai";

export const chatModel = new ChatBedrockConverse({ model: "meta.llama3-3-70b-instruct-v1:0", temperature: 0 });
export const embeddings = new BedrockEmbeddings({ model: "amazon.titan-embed-text-v2:0" });

const provider = createAmazonBedrock({ region: "us-west-2" });

export async function draftReply(topic: string) {
  const { text } = await generateText({ model: provider("mistral.mistral-7b-instruct-v0:2"), prompt: topic });
  return text;
}

export const llamaIndexLlm = new Bedrock({ model: "meta.llama3-70b-instruct-v1:0" });

export const gptOss = new OpenAI({
  baseURL: "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1",
  apiKey: process.env.AWS_BEARER_TOKEN_BEDROCK,
});

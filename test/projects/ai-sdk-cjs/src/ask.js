"use strict";
// CommonJS with an aliased require: the answer, then the same question streamed.
const { createAmazonBedrock: makeProvider } = require("@ai-sdk/amazon-bedrock");
const { generateText, streamText } = require("ai");

const provider = makeProvider({ region: "us-west-2", baseURL: process.env.STANDIN_ENDPOINT });

async function main() {
  const question = "Which river flows through Wuhan?";
  const answer = await generateText({ model: provider("meta.llama3-1-8b-instruct-v1:0"), prompt: question, maxOutputTokens: 300 });
  console.log(`text => ${answer.text} (${answer.finishReason})`);
  const streamed = streamText({ model: provider("meta.llama3-1-8b-instruct-v1:0"), prompt: question, maxOutputTokens: 300 });
  let text = "";
  for await (const piece of streamed.textStream) text += piece;
  console.log(`stream => ${text} (${await streamed.finishReason})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

"use strict";
const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");
const { report } = require("../../lib/answers");

const client = new BedrockRuntimeClient({ region: "us-west-2", endpoint: process.env.STANDIN_ENDPOINT });
const MODEL_ID = "meta.llama3-1-8b-instruct-v1:0";

/**
 * @param {string} question
 * @returns {Promise<string>}
 */
async function complete(question) {
  const prompt = `<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n${question}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n`;
  const response = await client.send(new InvokeModelCommand({
    modelId: MODEL_ID,
    contentType: "application/json",
    body: JSON.stringify({ prompt, max_gen_len: 150, temperature: 0.1, top_p: 0.9 }),
  }));
  const parsed = JSON.parse(Buffer.from(response.body).toString("utf8"));
  return parsed.generation;
}

complete("What is hot pot?").then((answer) => report("llama-invoke", answer), (error) => {
  console.error(error);
  process.exitCode = 1;
});

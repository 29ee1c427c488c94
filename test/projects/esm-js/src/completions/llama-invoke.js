import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { printAnswer } from "../lib/print.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

/** @param {string} question */
function llamaPrompt(question) {
  return `<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n${question}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n`;
}

const response = await client.send(
  new InvokeModelCommand({
    modelId: "meta.llama3-8b-instruct-v1:0",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({ prompt: llamaPrompt("Why is the Yangtze long?"), max_gen_len: 256, temperature: 0.5 }),
  }),
);
const result = JSON.parse(new TextDecoder().decode(response.body));
printAnswer("llama-invoke", result.generation);

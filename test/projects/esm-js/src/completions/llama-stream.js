import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { printAnswer } from "../lib/print.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", endpoint: process.env.STANDIN_ENDPOINT });

const prompt = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\nName a tea from Yunnan.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n";
const response = await client.send(
  new InvokeModelWithResponseStreamCommand({
    modelId: "meta.llama3-8b-instruct-v1:0",
    contentType: "application/json",
    body: JSON.stringify({ prompt, max_gen_len: 100 }),
  }),
);
let text = "";
for await (const event of response.body ?? []) {
  if (event.chunk?.bytes) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    text += chunk.generation;
  }
}
printAnswer("llama-stream", text);

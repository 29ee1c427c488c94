// Lambda handler still on AWS SDK for JavaScript v2 (CommonJS).
const AWS = require("aws-sdk");

const runtime = new AWS.BedrockRuntime({ region: process.env.AWS_REGION || "us-east-1" });

exports.handler = async (event) => {
  const result = await runtime
    .invokeModel({
      modelId: "mistral.mixtral-8x7b-instruct-v0:1",
      contentType: "application/json",
      body: JSON.stringify({ prompt: `<s>[INST] ${event.question} [/INST]`, max_tokens: 400 }),
    })
    .promise();
  const payload = JSON.parse(Buffer.from(result.body).toString("utf8"));
  return { statusCode: 200, body: payload.outputs[0].text };
};

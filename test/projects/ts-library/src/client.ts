import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

export function createClient(region = "us-east-1"): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ region, endpoint: process.env.STANDIN_ENDPOINT });
}

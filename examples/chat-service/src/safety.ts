import { ApplyGuardrailCommand, CountTokensCommand, StartAsyncInvokeCommand } from "@aws-sdk/client-bedrock-runtime";
import { getClient } from "./bedrockClient";

const GUARDRAIL_ARN = "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123xyz";

export async function isAllowed(text: string): Promise<boolean> {
  const result = await getClient().send(
    new ApplyGuardrailCommand({
      guardrailIdentifier: GUARDRAIL_ARN,
      guardrailVersion: "1",
      source: "INPUT",
      content: [{ text: { text } }],
    }),
  );
  return result.action !== "GUARDRAIL_INTERVENED";
}

export async function tokenCount(text: string): Promise<number | undefined> {
  const result = await getClient().send(
    new CountTokensCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      input: { converse: { messages: [{ role: "user", content: [{ text }] }] } },
    }),
  );
  return result.inputTokens;
}

export async function renderVideo(prompt: string): Promise<string | undefined> {
  const job = await getClient().send(
    new StartAsyncInvokeCommand({
      modelId: "amazon.nova-reel-v1:1",
      modelInput: { taskType: "TEXT_VIDEO", textToVideoParams: { text: prompt } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://example-videos/out/" } },
    }),
  );
  return job.invocationArn;
}

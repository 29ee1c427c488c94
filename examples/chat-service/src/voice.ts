import { BedrockRuntimeClient, InvokeModelWithBidirectionalStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { BedrockDataAutomationRuntimeClient, InvokeDataAutomationAsyncCommand } from "@aws-sdk/client-bedrock-data-automation-runtime";

export async function startVoiceSession(audio: AsyncIterable<{ chunk: { bytes: Uint8Array } }>) {
  const client = new BedrockRuntimeClient({});
  return client.send(new InvokeModelWithBidirectionalStreamCommand({ modelId: "amazon.nova-sonic-v1:0", body: audio }));
}

export async function extractInvoice(s3Uri: string) {
  const bda = new BedrockDataAutomationRuntimeClient({});
  return bda.send(
    new InvokeDataAutomationAsyncCommand({
      inputConfiguration: { s3Uri },
      outputConfiguration: { s3Uri: "s3://example-invoices/out/" },
      dataAutomationProfileArn: "arn:aws:bedrock:us-east-1:123456789012:data-automation-profile/us.data-automation-v1",
    }),
  );
}

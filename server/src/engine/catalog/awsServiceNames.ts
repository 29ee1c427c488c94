import type { BedrockService } from './packages';

/** Bedrock service names as the AWS CLI and boto3 spell them (`aws bedrock-runtime`, `boto3.client("bedrock-runtime")`). */
const SERVICE_NAMES: Readonly<Record<string, BedrockService>> = {
  bedrock: 'control',
  'bedrock-runtime': 'runtime',
  'bedrock-agent': 'agent',
  'bedrock-agent-runtime': 'agent-runtime',
  'bedrock-data-automation': 'data-automation',
  'bedrock-data-automation-runtime': 'data-automation-runtime',
  'bedrock-agentcore': 'agentcore',
  'bedrock-agentcore-control': 'agentcore-control',
};

export function bedrockServiceNamed(name: string): BedrockService | undefined {
  return Object.hasOwn(SERVICE_NAMES, name) ? SERVICE_NAMES[name] : undefined;
}

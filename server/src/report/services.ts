// Which AWS services a finding shows the code using (Bedrock, unavailable in the China regions) and which
// services the migration moves it to (available there). Names are in strings.ts.
import type { BedrockService } from '../engine/catalog/packages';
import type { RuleId } from '../engine/types';
import type { LocatedFinding, ServiceId } from './types';

interface ServiceMapping {
  unavailable: ServiceId;
  available: readonly ServiceId[];
}

const RUNTIME: ServiceMapping = { unavailable: 'bedrock-runtime', available: ['sagemaker-runtime'] };

// The SDK package a finding came from decides the service for rules that span packages (imports, clients).
const BY_SDK_SERVICE: Readonly<Record<BedrockService, ServiceMapping>> = {
  runtime: RUNTIME,
  control: { unavailable: 'bedrock-control', available: ['sagemaker'] },
  agent: { unavailable: 'bedrock-agents', available: ['sagemaker-runtime'] },
  'agent-runtime': { unavailable: 'bedrock-agents', available: ['sagemaker-runtime'] },
  'data-automation': { unavailable: 'bedrock-data-automation', available: ['sagemaker-runtime'] },
  'data-automation-runtime': { unavailable: 'bedrock-data-automation', available: ['sagemaker-runtime'] },
  agentcore: { unavailable: 'bedrock-agentcore', available: ['sagemaker-runtime'] },
  'agentcore-control': { unavailable: 'bedrock-agentcore', available: ['sagemaker-runtime'] },
};

const BY_RULE: Readonly<Partial<Record<RuleId, ServiceMapping>>> = {
  'bedrock/import': RUNTIME,
  'bedrock/runtime-client': RUNTIME,
  'bedrock/client-region': RUNTIME,
  'bedrock/invoke-model': RUNTIME,
  'bedrock/invoke-model-stream': RUNTIME,
  'bedrock/converse': { unavailable: 'bedrock-converse', available: ['sagemaker-runtime'] },
  'bedrock/converse-stream': { unavailable: 'bedrock-converse', available: ['sagemaker-runtime'] },
  'bedrock/guardrail': { unavailable: 'bedrock-guardrails', available: ['sagemaker-jumpstart'] },
  // A local tokenizer replaces CountTokens: no service is needed.
  'bedrock/count-tokens': { unavailable: 'bedrock-runtime', available: [] },
  'bedrock/async-invoke': { unavailable: 'bedrock-runtime', available: ['sagemaker-async-inference'] },
  'bedrock/bidirectional-stream': { unavailable: 'bedrock-runtime', available: [] },
  'bedrock/agent': { unavailable: 'bedrock-agents', available: ['sagemaker-runtime'] },
  'bedrock/knowledge-base': { unavailable: 'bedrock-knowledge-bases', available: ['opensearch', 'sagemaker-runtime'] },
  'bedrock/control-plane': { unavailable: 'bedrock-control', available: ['sagemaker'] },
  'bedrock/data-automation': { unavailable: 'bedrock-data-automation', available: ['sagemaker-runtime'] },
  'bedrock/langchain': RUNTIME,
  'bedrock/ai-sdk': RUNTIME,
  'bedrock/llamaindex': RUNTIME,
  'bedrock/openai-compatible': RUNTIME,
  'bedrock/model-id': RUNTIME,
  'bedrock/arn': RUNTIME,
  'bedrock/endpoint-host': RUNTIME,
  'bedrock/iam-action': { unavailable: 'bedrock-runtime', available: ['iam'] },
  'bedrock/api-key': { unavailable: 'bedrock-api-keys', available: ['iam'] },
  'bedrock/dependency': RUNTIME,
  'bedrock/cli-command': RUNTIME,
  'bedrock/python-sdk': RUNTIME,
  'bedrock/prose-service': { unavailable: 'bedrock-runtime', available: ['sagemaker-jumpstart'] },
  // assessment/* findings are about the assessment document itself, not about a service.
};

// Rules whose service depends on which Bedrock package the finding came from.
const SDK_DEPENDENT = new Set<RuleId>(['bedrock/import', 'bedrock/runtime-client', 'bedrock/agent', 'bedrock/dependency']);

/** The services a finding involves, or undefined for findings about no service (assessment checks). */
export function servicesOf(finding: Pick<LocatedFinding, 'ruleId' | 'data'>): ServiceMapping | undefined {
  const service = finding.data?.service;
  if (SDK_DEPENDENT.has(finding.ruleId) && typeof service === 'string' && service in BY_SDK_SERVICE) {
    return BY_SDK_SERVICE[service as BedrockService];
  }
  return BY_RULE[finding.ruleId];
}

// Display order when counts tie: the order a reader meets these services in a migration.
export const SERVICE_ORDER: readonly ServiceId[] = [
  'bedrock-runtime', 'bedrock-converse', 'bedrock-guardrails', 'bedrock-knowledge-bases', 'bedrock-agents',
  'bedrock-agentcore', 'bedrock-data-automation', 'bedrock-control', 'bedrock-api-keys',
  'sagemaker-runtime', 'sagemaker-async-inference', 'sagemaker-jumpstart', 'sagemaker', 'opensearch', 'iam',
];

import type { RuleId } from '../types';
import type { BedrockService } from './packages';

// Maps an operation of a Bedrock service (by its PascalCase name, without `Command`) to a rule.

const RUNTIME_OPERATIONS: Readonly<Record<string, RuleId>> = {
  InvokeModel: 'bedrock/invoke-model',
  InvokeModelWithResponseStream: 'bedrock/invoke-model-stream',
  Converse: 'bedrock/converse',
  ConverseStream: 'bedrock/converse-stream',
  ApplyGuardrail: 'bedrock/guardrail',
  InvokeGuardrailChecks: 'bedrock/guardrail',
  CountTokens: 'bedrock/count-tokens',
  StartAsyncInvoke: 'bedrock/async-invoke',
  GetAsyncInvoke: 'bedrock/async-invoke',
  ListAsyncInvokes: 'bedrock/async-invoke',
  InvokeModelWithBidirectionalStream: 'bedrock/bidirectional-stream',
};

/** The operation a command class or paginator names: `ConverseCommand` → `Converse`, `paginateListAsyncInvokes` → `ListAsyncInvokes`. */
export function operationOfExport(exportName: string): string | undefined {
  if (/^[A-Z]\w*Command$/.test(exportName)) return exportName.slice(0, -'Command'.length);
  if (/^paginate[A-Z]\w*$/.test(exportName)) return exportName.slice('paginate'.length);
  return undefined;
}

/** `invokeModel` → `InvokeModel` (aggregated clients and SDK v2 use lowerCamel method names). */
export function operationOfMethod(methodName: string): string {
  return methodName.charAt(0).toUpperCase() + methodName.slice(1);
}

const KNOWLEDGE_BASE_OPERATION = /KnowledgeBase|DataSource|IngestionJob|^Retrieve|^Rerank|^GenerateQuery/;

/** The rule for an operation of a service, or undefined when it is not a real operation of that service. */
export function ruleForOperation(service: BedrockService, operation: string): RuleId | undefined {
  switch (service) {
    case 'runtime':
      return RUNTIME_OPERATIONS[operation];
    case 'control':
      return /Guardrail/.test(operation) ? 'bedrock/guardrail' : 'bedrock/control-plane';
    case 'agent':
    case 'agent-runtime':
      return KNOWLEDGE_BASE_OPERATION.test(operation) ? 'bedrock/knowledge-base' : 'bedrock/agent';
    case 'agentcore':
    case 'agentcore-control':
      return 'bedrock/agent';
    case 'data-automation':
    case 'data-automation-runtime':
      return 'bedrock/data-automation';
  }
}

/** The rule a client of a service belongs to (the runtime client has its own rule). */
export function ruleForClient(service: BedrockService): RuleId {
  switch (service) {
    case 'runtime':
      return 'bedrock/runtime-client';
    case 'control':
      return 'bedrock/control-plane';
    case 'data-automation':
    case 'data-automation-runtime':
      return 'bedrock/data-automation';
    default:
      return 'bedrock/agent';
  }
}

/** Runtime operations that a rewrite can map onto SageMaker Runtime. */
export const FIXABLE_RUNTIME_OPERATIONS = new Set(['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream']);

/** SageMaker equivalent of a runtime operation, for messages. */
export function sageMakerOperationFor(operation: string): string | undefined {
  switch (operation) {
    case 'InvokeModel':
    case 'Converse':
      return 'InvokeEndpoint';
    case 'InvokeModelWithResponseStream':
    case 'ConverseStream':
      return 'InvokeEndpointWithResponseStream';
    case 'StartAsyncInvoke':
      return 'InvokeEndpointAsync';
    default:
      return undefined;
  }
}

import * as l10n from './l10n';
import type { Category, RuleId, Severity } from './types';

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** Default category; a detector may refine it per finding (e.g. a Titan model id has no equivalent). */
  category: Category;
  /** One line, localised at call time. */
  title(): string;
  /** The SageMaker equivalent or `none: <alternative>`, localised at call time. */
  equivalent(): string;
}

// Anchors in docs/rules.md are the rule id with '/' replaced by '-'.
export const RULES_DOC_URL = 'https://github.com/bedrock-to-sagemaker/bedrock-to-sagemaker/blob/main/docs/rules.md';
const docUrls = new Map<RuleId, string>();

export function ruleDocUrl(id: RuleId): string {
  let url = docUrls.get(id); // asked for every diagnostic of every pull
  if (url === undefined) docUrls.set(id, (url = `${RULES_DOC_URL}#${id.replace(/\//g, '-')}`));
  return url;
}

/** An equivalent that says there is none and names the alternative (`none: <alternative>`); withoutNonePrefix undoes it. */
export function none(alternative: string): string {
  return l10n.t('none: {0}', alternative);
}

let nonePrefixes: string[] | undefined;

/**
 * Rule equivalents read `none: <alternative>`; in a sentence that already says "Alternative:", and in the report
 * (whose category column says there is none), only the alternative is wanted. Strips the prefix in whichever
 * language wrote it: a finding made in English can be shown in a Chinese report.
 */
export function withoutNonePrefix(equivalent: string): string {
  nonePrefixes ??= (['en', 'zh-cn'] as const)
    .map((locale) => l10n.withLocale(locale, () => l10n.t('none: {0}', '\u0001')).split('\u0001')[0])
    .filter((prefix) => prefix !== '');
  const prefix = nonePrefixes.find((candidate) => equivalent.startsWith(candidate));
  return prefix ? equivalent.slice(prefix.length) : equivalent;
}

const catalog: RuleMeta[] = [
  {
    id: 'bedrock/import', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('Import of an Amazon Bedrock package'),
    equivalent: () => '@aws-sdk/client-sagemaker-runtime',
  },
  {
    id: 'bedrock/runtime-client', defaultSeverity: 'error', category: 'has-equivalent',
    title: () => l10n.t('Bedrock Runtime client construction'),
    equivalent: () => 'SageMakerRuntimeClient',
  },
  {
    id: 'bedrock/client-region', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('Region given to a Bedrock client'),
    equivalent: () => l10n.t('the target China region'),
  },
  {
    id: 'bedrock/invoke-model', defaultSeverity: 'error', category: 'has-equivalent',
    title: () => l10n.t('Bedrock InvokeModel call'),
    equivalent: () => 'InvokeEndpoint',
  },
  {
    id: 'bedrock/invoke-model-stream', defaultSeverity: 'error', category: 'has-equivalent',
    title: () => l10n.t('Bedrock InvokeModelWithResponseStream call'),
    equivalent: () => 'InvokeEndpointWithResponseStream',
  },
  {
    id: 'bedrock/converse', defaultSeverity: 'error', category: 'has-equivalent',
    title: () => l10n.t('Bedrock Converse call'),
    equivalent: () => l10n.t('InvokeEndpoint with a chat-completions body'),
  },
  {
    id: 'bedrock/converse-stream', defaultSeverity: 'error', category: 'has-equivalent',
    title: () => l10n.t('Bedrock ConverseStream call'),
    equivalent: () => l10n.t('InvokeEndpointWithResponseStream with a chat-completions body'),
  },
  {
    id: 'bedrock/guardrail', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock Guardrails'),
    equivalent: () => none(l10n.t('a self-hosted guardrail model (Llama Guard from SageMaker JumpStart) on its own endpoint')),
  },
  {
    id: 'bedrock/count-tokens', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock CountTokens call'),
    equivalent: () => none(l10n.t("a local tokenizer for the deployed model, or the response's usage.prompt_tokens")),
  },
  {
    id: 'bedrock/async-invoke', defaultSeverity: 'error', category: 'manual',
    title: () => l10n.t('Bedrock asynchronous invocation'),
    equivalent: () => l10n.t('InvokeEndpointAsync on an endpoint with AsyncInferenceConfig (different semantics)'),
  },
  {
    id: 'bedrock/bidirectional-stream', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock bidirectional streaming'),
    equivalent: () => none(l10n.t('no speech-to-speech equivalent; redesign with separate ASR/TTS endpoints')),
  },
  {
    id: 'bedrock/agent', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock Agents, Flows or AgentCore'),
    equivalent: () => none(l10n.t('application-side orchestration with tool calls to a SageMaker endpoint')),
  },
  {
    id: 'bedrock/knowledge-base', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock Knowledge Bases'),
    equivalent: () => none(l10n.t('self-built RAG: OpenSearch + an embedding endpoint + a chat endpoint')),
  },
  {
    id: 'bedrock/control-plane', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock control-plane API'),
    equivalent: () => none(l10n.t('SageMaker control plane (@aws-sdk/client-sagemaker) for endpoints, batch transform and models')),
  },
  {
    id: 'bedrock/data-automation', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock Data Automation'),
    equivalent: () => none(l10n.t('a document pipeline built from models hosted on SageMaker endpoints')),
  },
  {
    id: 'bedrock/langchain', defaultSeverity: 'error', category: 'manual',
    title: () => l10n.t('LangChain Bedrock integration'),
    equivalent: () => l10n.t('SageMakerChatModel, a LangChain chat model (invoke, stream, tools) over a SageMaker endpoint that the fix writes into the package'),
  },
  {
    id: 'bedrock/ai-sdk', defaultSeverity: 'error', category: 'manual',
    title: () => l10n.t('Vercel AI SDK Bedrock provider'),
    equivalent: () => l10n.t('the SageMaker provider module the fix writes (createSageMaker / sagemaker on InvokeEndpoint); embedding and image models: InvokeEndpoint on their own endpoint'),
  },
  {
    id: 'bedrock/llamaindex', defaultSeverity: 'error', category: 'manual',
    title: () => l10n.t('LlamaIndex Bedrock integration'),
    equivalent: () => none(l10n.t('no LlamaIndex.TS SageMaker class; call the endpoint through the Converse adapter')),
  },
  {
    id: 'bedrock/openai-compatible', defaultSeverity: 'error', category: 'manual',
    title: () => l10n.t('OpenAI client pointed at a Bedrock endpoint'),
    equivalent: () => l10n.t('InvokeEndpoint with the same chat-completions body (SigV4, not an API key)'),
  },
  {
    id: 'bedrock/model-id', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('Bedrock model id'),
    equivalent: () => l10n.t('a SageMaker endpoint name (bedrockToSagemaker.endpoints)'),
  },
  {
    id: 'bedrock/arn', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Bedrock ARN'),
    equivalent: () => l10n.t('a SageMaker endpoint ARN in the aws-cn partition'),
  },
  {
    id: 'bedrock/endpoint-host', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Bedrock endpoint host'),
    equivalent: () => 'runtime.sagemaker.<region>.amazonaws.com.cn',
  },
  {
    id: 'bedrock/iam-action', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('Bedrock IAM action'),
    equivalent: () => 'sagemaker:InvokeEndpoint',
  },
  {
    id: 'bedrock/api-key', defaultSeverity: 'error', category: 'no-equivalent',
    title: () => l10n.t('Bedrock API key'),
    equivalent: () => none(l10n.t('IAM SigV4 credentials from the China account')),
  },
  {
    id: 'bedrock/migration-todo', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Migration step left in the code'),
    equivalent: () => l10n.t('do what the TODO says, then remove it'),
  },
  {
    // Not an engine finding: the language server and `endpoints` report it from the last explicit connect.
    id: 'bedrock/endpoint-validation', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Configured SageMaker endpoint that cannot serve the calls'),
    equivalent: () => l10n.t('an InService endpoint (or inference component) that serves the mapped model'),
  },
  {
    id: 'bedrock/dependency', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('Amazon Bedrock package in the package.json dependencies'),
    equivalent: () => '@aws-sdk/client-sagemaker-runtime',
  },
  {
    id: 'bedrock/cli-command', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('AWS CLI call to a Bedrock service'),
    equivalent: () => 'aws sagemaker-runtime invoke-endpoint',
  },
  {
    id: 'bedrock/python-sdk', defaultSeverity: 'warning', category: 'has-equivalent',
    title: () => l10n.t('Python (boto3 / LangChain) use of Bedrock'),
    equivalent: () => 'boto3.client("sagemaker-runtime").invoke_endpoint',
  },
  {
    id: 'bedrock/prose-service', defaultSeverity: 'information', category: 'manual',
    title: () => l10n.t('Document relies on a Bedrock service'),
    equivalent: () => l10n.t('SageMaker JumpStart / a SageMaker Runtime endpoint'),
  },
  {
    id: 'assessment/front-matter', defaultSeverity: 'error', category: 'manual',
    title: () => l10n.t('Front matter cannot be read'),
    equivalent: () => l10n.t('n/a'),
  },
  {
    id: 'assessment/target-region', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Assessment target region'),
    equivalent: () => l10n.t('n/a'),
  },
  {
    id: 'assessment/feasibility', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Assessment feasibility level'),
    equivalent: () => l10n.t('n/a'),
  },
  {
    id: 'assessment/service-count', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Assessment service counts'),
    equivalent: () => l10n.t('n/a'),
  },
  {
    id: 'assessment/date', defaultSeverity: 'warning', category: 'manual',
    title: () => l10n.t('Assessment date'),
    equivalent: () => l10n.t('n/a'),
  },
];

const byId = new Map<RuleId, RuleMeta>(catalog.map((rule) => [rule.id, rule]));

export function allRules(): readonly RuleMeta[] {
  return catalog;
}

export function ruleMeta(id: RuleId): RuleMeta {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

import * as l10n from '@vscode/l10n';
import type { Node } from 'web-tree-sitter';
import { closedWeightIds, closedWeightReason } from '../../catalog/closedWeights';
import { ruleForClient, ruleForOperation, sageMakerOperationFor } from '../../catalog/operations';
import type { BedrockService } from '../../catalog/packages';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import { clientFactoryCall, receiverService } from '../clientFactory';
import type { PythonContext, PythonDetector } from '../pythonContext';
import { isRewritableConverse, isRewritableInvokeModel } from '../fixability';
import { dottedName, keywordArguments, stringValue } from '../syntax';

// boto3 client methods that are not service operations.
const CLIENT_HELPERS = new Set(['get_paginator', 'get_waiter', 'can_paginate', 'close', 'generate_presigned_url']);
// Runtime operations recognisable without knowing the receiver, when called with Bedrock's camelCase `modelId=`.
const MODEL_ID_OPERATIONS = new Set(['invoke_model', 'invoke_model_with_response_stream', 'converse', 'converse_stream', 'count_tokens', 'start_async_invoke']);

/** boto3 clients for Bedrock services, and operations called on them. */
export const detectClientCalls: PythonDetector = {
  name: 'client-calls',
  rules: ['bedrock/python-sdk'],
  types: ['call'],
  detect(call, context) {
    const factory = clientFactoryCall(call, context.bindings);
    if (factory) {
      reportClient(factory.serviceNode, factory.serviceName, factory.service, context);
      return;
    }
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') return;
    const receiver = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute')?.text ?? '';
    const service = receiverService(receiver, context.bindings, dottedName(receiver))
      ?? (MODEL_ID_OPERATIONS.has(method) && keywordArguments(call).has('modelId') ? 'runtime' : undefined);
    if (!service || CLIENT_HELPERS.has(method)) return;
    const smithy = context.bindings.meaningOf(dottedName(receiver));
    reportOperation(call, callee, method, service, context, smithy?.kind === 'bedrock-client' && smithy.sdk === 'smithy');
  },
};

function reportClient(serviceNode: Node, serviceName: string, service: BedrockService, context: PythonContext): void {
  const region = context.settings.targetRegion;
  const runtime = service === 'runtime';
  const alternative = runtime ? 'boto3.client("sagemaker-runtime")'
    : service === 'control' ? 'boto3.client("sagemaker")' : withoutNonePrefix(ruleMeta(ruleForClient(service)).equivalent());
  context.claimed.add(serviceNode.startIndex);
  context.report({
    ruleId: 'bedrock/python-sdk',
    range: { start: serviceNode.startIndex, end: serviceNode.endIndex },
    category: runtime ? 'has-equivalent' : ruleMeta(ruleForClient(service)).category,
    equivalent: alternative, fixable: runtime,
    message: runtime
      ? l10n.t("boto3 client for '{0}': Amazon Bedrock does not exist in {1}. Use {2} and call invoke_endpoint on your SageMaker endpoint.", serviceName, region, alternative)
      : l10n.t("boto3 client for '{0}': this Bedrock service does not exist in {1}. Alternative: {2}.", serviceName, region, alternative),
    data: { kind: 'client', service: serviceName, fix: runtime ? 'python-client' : undefined },
  });
}

function reportOperation(call: Node, callee: Node, method: string, service: BedrockService, context: PythonContext, smithy = false): void {
  const operation = method.split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  const rule = ruleForOperation(service, operation);
  if (!rule) return;
  const region = context.settings.targetRegion;
  const sageMaker = service === 'runtime' ? sageMakerOperationFor(operation) : undefined;
  const modelId = stringValue(keywordArguments(call).get('modelId')?.value);
  // A closed-weight model has nothing to deploy on SageMaker: its call stays, and the finding says why.
  const closed = modelId === undefined ? [] : closedWeightIds([modelId]);
  const rewritable = smithy ? undefined : method === 'invoke_model' && isRewritableInvokeModel(call) ? 'python-invoke-model'
    : method === 'converse' && isRewritableConverse(call) ? 'python-converse' : undefined;
  const fix = closed.length === 0 ? rewritable : undefined;
  const refusal = rewritable && closed.length > 0 ? ` ${l10n.t('Not fixed automatically: {0}.', closedWeightReason(closed))}` : '';
  const sageMakerMethod = sageMaker?.replace(/[A-Z]/g, (letter, index: number) => (index ? '_' : '') + letter.toLowerCase());
  context.report({
    ruleId: 'bedrock/python-sdk',
    range: { start: callee.startIndex, end: callee.endIndex },
    category: ruleMeta(rule).category,
    equivalent: sageMakerMethod ?? ruleMeta(rule).equivalent(),
    fixable: fix !== undefined,
    message: sageMakerMethod
      ? l10n.t("Bedrock {0} is not available in {1}. Call {2} on your SageMaker endpoint instead.", method, region, sageMakerMethod) + refusal
      : l10n.t("Bedrock {0} is not available in {1} and SageMaker has no equivalent. Alternative: {2}.", method, region, withoutNonePrefix(ruleMeta(rule).equivalent())),
    data: { kind: 'operation', service, operation, modelId, fix },
  });
}

import * as l10n from '../../l10n';
import ts from '../../typescript';
import { FIXABLE_RUNTIME_OPERATIONS, sageMakerOperationFor } from '../../catalog/operations';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import type { FindingData, RuleId } from '../../types';
import { classifyMeaning } from '../bedrockExports';
import { type ScriptContext, type ScriptDetector, rangeOf } from '../scriptContext';
import { propertyNameText, stringValue } from '../parse';

/** `new ConverseCommand(...)` and every other Bedrock command, plus paginators such as `paginateListAsyncInvokes(...)`. */
export const detectCommands: ScriptDetector = {
  name: 'commands',
  rules: [
    'bedrock/invoke-model', 'bedrock/invoke-model-stream', 'bedrock/converse', 'bedrock/converse-stream', 'bedrock/guardrail', 'bedrock/count-tokens',
    'bedrock/async-invoke', 'bedrock/bidirectional-stream', 'bedrock/agent', 'bedrock/knowledge-base', 'bedrock/control-plane', 'bedrock/data-automation',
  ],
  kinds: [ts.SyntaxKind.NewExpression, ts.SyntaxKind.CallExpression],
  detect(node, context) {
    const call = node as ts.NewExpression | ts.CallExpression;
    const target = classifyMeaning(context.bindings.meaningOf(call.expression));
    if (target?.what !== 'operation') return;
    if (ts.isCallExpression(call) !== target.exportName.startsWith('paginate')) return;
    reportOperation(context, {
      node: call.expression, operation: target.operation, rule: target.rule, service: target.service,
      input: call.arguments?.[0], data: { command: target.exportName, sdk: 'v3', inSend: isSendArgument(call) },
    });
  },
};

export interface OperationUse {
  node: ts.Node;
  operation: string;
  rule: RuleId;
  service: string;
  input: ts.Expression | undefined;
  data: FindingData;
}

/** Shared by command classes and aggregated-client methods: one finding per operation use. */
export function reportOperation(context: ScriptContext, use: OperationUse): void {
  const region = context.settings.targetRegion;
  const runtime = use.service === 'runtime';
  const sageMaker = runtime ? sageMakerOperationFor(use.operation) : undefined;
  const modelId = literalProperty(use.input, 'modelId');
  const rule = ruleMeta(use.rule);
  context.report({
    ruleId: use.rule,
    range: rangeOf(use.node, context.sourceFile),
    // Callback-style SDK v2 calls have no safe mechanical rewrite.
    fixable: runtime && FIXABLE_RUNTIME_OPERATIONS.has(use.operation) && use.data.callback !== true,
    message: sageMaker
      ? l10n.t("Bedrock {0} is not available in {1}. Call {2} on your SageMaker endpoint instead.", use.operation, region, sageMaker)
      : l10n.t("Bedrock {0} is not available in {1} and SageMaker has no equivalent. Alternative: {2}.", use.operation, region, withoutNonePrefix(rule.equivalent())),
    data: { operation: use.operation, service: use.service, modelId, ...use.data },
  });
}

/** A string-literal property of an object-literal argument: `{ modelId: "meta.llama3..." }`. */
function literalProperty(input: ts.Expression | undefined, name: string): string | undefined {
  if (!input || !ts.isObjectLiteralExpression(input)) return undefined;
  for (const property of input.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return stringValue(property.initializer);
  }
  return undefined;
}

function isSendArgument(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isCallExpression(parent) && parent.arguments[0] === node && ts.isPropertyAccessExpression(parent.expression)
    && parent.expression.name.text === 'send';
}

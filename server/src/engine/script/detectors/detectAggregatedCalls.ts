import ts from '../../typescript';
import { operationOfMethod, ruleForOperation } from '../../catalog/operations';
import { clientOfInstance } from '../bedrockExports';
import type { ScriptDetector } from '../scriptContext';
import { reportOperation } from './detectCommands';

// Members every client has that are not service operations.
const NON_OPERATIONS = new Set(['send', 'destroy', 'config', 'middlewareStack', 'promise', 'makeRequest', 'makeUnauthenticatedRequest',
  'waitFor', 'setupRequestListeners', 'defineService', 'endpoint']);

/** `br.converse({...})` on an aggregated v3 client, `runtime.invokeModel(params).promise()` on an SDK v2 client. */
export const detectAggregatedCalls: ScriptDetector = {
  name: 'aggregated-calls',
  rules: [
    'bedrock/invoke-model', 'bedrock/invoke-model-stream', 'bedrock/converse', 'bedrock/converse-stream', 'bedrock/guardrail', 'bedrock/count-tokens',
    'bedrock/async-invoke', 'bedrock/bidirectional-stream', 'bedrock/agent', 'bedrock/knowledge-base', 'bedrock/control-plane', 'bedrock/data-automation',
  ],
  kinds: [ts.SyntaxKind.CallExpression],
  detect(node, context) {
    const call = node as ts.CallExpression;
    const member = methodOf(call.expression);
    if (!member) return;
    const method = member.name.text;
    if (NON_OPERATIONS.has(method)) return;
    const client = clientOfInstance(context.bindings.meaningOf(member.object));
    if (!client?.aggregated) return;
    const operation = operationOfMethod(method);
    const rule = ruleForOperation(client.service, operation);
    if (!rule) return;
    const parent = call.parent;
    const promise = ts.isPropertyAccessExpression(parent) && parent.name.text === 'promise';
    const lastArgument = call.arguments[call.arguments.length - 1];
    const callback = Boolean(lastArgument && (ts.isArrowFunction(lastArgument) || ts.isFunctionExpression(lastArgument)));
    reportOperation(context, {
      node: member.name, operation, rule, service: client.service, input: call.arguments[0],
      data: { method, sdk: client.sdk, promise, callback },
    });
  },
};

/** `client.converse` and `client["converse"]`: the object and the method name node. */
function methodOf(callee: ts.Expression): { object: ts.Expression; name: ts.Identifier | ts.PrivateIdentifier | ts.StringLiteralLike } | undefined {
  if (ts.isPropertyAccessExpression(callee)) return { object: callee.expression, name: callee.name };
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
    return { object: callee.expression, name: callee.argumentExpression };
  }
  return undefined;
}

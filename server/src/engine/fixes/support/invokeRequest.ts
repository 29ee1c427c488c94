import * as l10n from '@vscode/l10n';
import ts from '../../../typescript';
import { findModelIds } from '../../catalog/modelIds';
import { stringValue } from '../../script/parse';
import { type ReadRule, rewriteBody } from '../bodies';
import type { FixContext } from '../context';
import { quoted } from '../style';
import { OK, type Verdict, refuse } from '../transform';
import { bodyObjectLiteral, staticString } from './constants';
import { type EndpointTarget, dynamicEndpointTarget, endpointTargetFor, mappingFor } from './endpointTarget';
import type { OperationCall } from './operationCall';
import { propertySeparator, removeProperties, renameProperty, staticProperties, valueOf } from './requestObject';
import { insertTodoAbove } from './todoComment';

/** InvokeModel request fields → InvokeEndpoint request fields. */
const RENAMED: Readonly<Record<string, string>> = { body: 'Body', contentType: 'ContentType', accept: 'Accept' };
/** Bedrock-only request tuning with no SageMaker counterpart; dropping it does not change the answer. */
const DROPPED = new Set(['trace', 'performanceConfigLatency', 'serviceTier', 'requestMetadata']);

const METHODS: Readonly<Record<string, string>> = {
  invokeModel: 'invokeEndpoint',
  invokeModelWithResponseStream: 'invokeEndpointWithResponseStream',
};

/** Whether an InvokeModel(WithResponseStream) request can be rewritten field by field. */
export function checkInvokeRequest(call: OperationCall): Verdict {
  const input = call.input && unwrap(call.input);
  if (!input || !ts.isObjectLiteralExpression(input)) return refuse(l10n.t('the request is not an object literal, so its fields cannot be renamed'));
  const properties = staticProperties(input);
  if (!properties) return refuse(l10n.t('the request object has spread or computed properties'));
  if (!properties.has('modelId')) return refuse(l10n.t('the request has no modelId'));
  if (properties.has('guardrailIdentifier') || properties.has('guardrailVersion')) return refuse(l10n.t('Bedrock Guardrails have no SageMaker equivalent'));
  const unknown = [...properties.keys()].filter((name) => name !== 'modelId' && !RENAMED[name] && !DROPPED.has(name));
  if (unknown.length > 0) return refuse(l10n.t('unknown request fields: {0}', unknown.join(', ')));
  return OK;
}

/** Renames the request's fields, maps the model id to the endpoint and translates the body; returns the read rules. */
export function rewriteInvokeRequest(context: FixContext, call: OperationCall, stream: boolean): ReadRule[] {
  if (call.method) context.replace(call.method, METHODS[call.method.text] ?? call.method.text);
  const literal = unwrap(call.input!) as ts.ObjectLiteralExpression;
  const properties = staticProperties(literal)!;
  const modelIdExpression = valueOf(properties.get('modelId')!)!;
  const target = endpointOf(context, modelIdExpression);
  const added = [...target.properties];
  if (!properties.has('contentType')) added.push(`ContentType: ${quoted('application/json', context.style)}`);
  context.replace(properties.get('modelId')!, added.join(propertySeparator(context, literal)));
  const dropped = new Set<ts.ObjectLiteralElementLike>();
  for (const [name, property] of properties) {
    if (RENAMED[name]) renameProperty(context, property, RENAMED[name]);
    else if (DROPPED.has(name)) dropped.add(property);
  }
  removeProperties(context, literal, dropped);
  const bodyProperty = properties.get('body');
  const body = rewriteBody(context, {
    literal: bodyProperty ? bodyObjectLiteral(valueOf(bodyProperty)!) : undefined,
    family: target.family, modelId: target.modelId, container: target.container ?? 'lmi', stream,
  });
  if (body.todo) insertTodoAbove(context, call.result, body.todo);
  return body.reads;
}

/** A literal id maps directly; a const or run-time id goes through the lookup table (the const stays in use). */
function endpointOf(context: FixContext, expression: ts.Expression): EndpointTarget {
  if (stringValue(unwrap(expression)) !== undefined) return endpointTargetFor(context, unwrap(expression));
  const known = staticString(expression);
  const target = dynamicEndpointTarget(context, expression.getText(context.sourceFile), known === undefined ? [] : [known]);
  if (known === undefined) return target;
  return { ...target, modelId: known, family: findModelIds(known)[0]?.info.family, container: mappingFor(context, known)?.container };
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

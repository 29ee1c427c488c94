import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { closedWeightIds, closedWeightReason } from '../../catalog/closedWeights';
import { type ModelFamily, modelInfo } from '../../catalog/modelIds';
import type { EndpointMapping } from '../../types';
import { type BodyRequest, type ReadRule, readRulesFor, rewriteBody, untranslatableBody } from '../bodies';
import type { FixContext } from '../fixContext';
import { quoted } from '../style';
import { OK, type Verdict, refuse } from '../transform';
import { bodyObjectLiteral } from './constBindings';
import { type EndpointPlan, mappingFor, planEndpoint, renderEndpoint } from './endpointTarget';
import type { OperationCall } from './operationCall';
import { propertySeparator, removeProperties, renameProperty, requestObjectOf, staticProperties, valueOf } from './requestObject';
import { staticModelIds } from './staticModelIds';
import { insertTodoAbove } from './todoComment';

/** InvokeModel request fields → InvokeEndpoint request fields. */
const RENAMED: Readonly<Record<string, string>> = { body: 'Body', contentType: 'ContentType', accept: 'Accept' };
/** Bedrock-only request tuning with no SageMaker counterpart; dropping it does not change the answer. */
const DROPPED = new Set(['trace', 'performanceConfigLatency', 'serviceTier', 'requestMetadata']);

const METHODS: Readonly<Record<string, string>> = {
  invokeModel: 'invokeEndpoint',
  invokeModelWithResponseStream: 'invokeEndpointWithResponseStream',
};

/** Everything the rewrite of one InvokeModel(WithResponseStream) request needs, decided before any edit. */
export interface InvokePlan {
  literal: ts.ObjectLiteralExpression;
  properties: Map<string, ts.ObjectLiteralElementLike>;
  endpoint: EndpointPlan;
  body: BodyRequest;
  /** How reads of the response change. */
  reads: ReadRule[];
}

/** The rewrite plan of an InvokeModel(WithResponseStream) request, or why it is not rewritten. */
export function planInvokeRequest(context: FixContext, call: OperationCall, stream: boolean): InvokePlan | string {
  const input = call.input && requestObjectOf(call.input);
  if (!input || !ts.isObjectLiteralExpression(input)) return l10n.t('the request is not an object literal, so its fields cannot be renamed');
  const properties = staticProperties(input);
  if (!properties) return l10n.t('the request object has spread or computed properties');
  if (!properties.has('modelId')) return l10n.t('the request has no modelId');
  if (properties.has('guardrailIdentifier') || properties.has('guardrailVersion')) return l10n.t('Bedrock Guardrails have no SageMaker equivalent');
  const unknown = [...properties.keys()].filter((name) => name !== 'modelId' && !RENAMED[name] && !DROPPED.has(name));
  if (unknown.length > 0) return l10n.t('unknown request fields: {0}', unknown.join(', '));
  const ids = staticModelIds(valueOf(properties.get('modelId')!)!);
  const closed = closedWeightIds(ids.ids);
  if (closed.length > 0) return closedWeightReason(closed);
  const families = new Set(ids.ids.map((id) => modelInfo(id)?.family));
  if (families.has(undefined)) {
    return l10n.t("'{0}' is not a Bedrock model id the tool knows, so its request body cannot be translated", ids.ids.find((id) => !modelInfo(id))!);
  }
  if (families.size > 1) return l10n.t('the model id can name models of different families ({0}), whose request bodies differ', [...families].join(', '));
  const family = [...families][0] as ModelFamily | undefined;
  const endpoint = planEndpoint(context.settings, ids);
  if (endpoint.kind === 'refused') return endpoint.reason;
  if (endpoint.kind === 'table' && !context.canUseAdapter()) return l10n.t("the document's place in the workspace is unknown, so the endpoint lookup in the adapter module cannot be imported");
  const containers = new Set(ids.ids.map((id) => mappingFor(context, id)?.container));
  if (containers.has('lmi') && containers.has('tgi') && (family === 'llama' || family === 'mistral') && !stream) {
    return l10n.t('the model ids map to endpoints with different containers (LMI and TGI), whose responses differ');
  }
  const container: EndpointMapping['container'] | undefined = containers.size === 1 ? [...containers][0] : undefined;
  const bodyProperty = properties.get('body');
  const body: BodyRequest = {
    literal: bodyProperty ? bodyObjectLiteral(valueOf(bodyProperty)!) : undefined,
    family, modelId: ids.ids[0], container, stream,
    // Only rewrites write quotes; checks never ask (the style is a whole-file walk).
    get quote() {
      return context.style.quote;
    },
  };
  const untranslatable = untranslatableBody(body);
  if (untranslatable !== undefined) return untranslatable;
  return { literal: input, properties, endpoint, body, reads: readRulesFor(body) };
}

/** Whether an InvokeModel(WithResponseStream) request can be rewritten field by field. */
export function checkInvokeRequest(context: FixContext, call: OperationCall, stream: boolean): Verdict {
  const plan = planInvokeRequest(context, call, stream);
  return typeof plan === 'string' ? refuse(plan) : OK;
}

/** Renames the request's fields, maps the model id to the endpoint and translates the body; returns the read rules. */
export function rewriteInvokeRequest(context: FixContext, call: OperationCall, plan: InvokePlan): ReadRule[] {
  if (call.method) context.replace(call.method, METHODS[call.method.text] ?? call.method.text);
  const { literal, properties } = plan;
  const modelIdExpression = valueOf(properties.get('modelId')!)!;
  const target = renderEndpoint(context, plan.endpoint, modelIdExpression.getText(context.sourceFile), literal);
  const added = [...target.properties];
  if (!properties.has('contentType')) added.push(`ContentType: ${quoted('application/json', context.style)}`);
  context.replace(properties.get('modelId')!, added.join(propertySeparator(context, literal)));
  const dropped = new Set<ts.ObjectLiteralElementLike>();
  for (const [name, property] of properties) {
    if (RENAMED[name]) renameProperty(context, property, RENAMED[name]);
    else if (DROPPED.has(name)) dropped.add(property);
  }
  removeProperties(context, literal, dropped);
  const body = rewriteBody(context, plan.body);
  if (body.todo) insertTodoAbove(context, call.result, body.todo);
  return body.reads;
}

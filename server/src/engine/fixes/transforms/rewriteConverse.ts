import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { type EndpointPlan, mappingFor, planEndpoint, renderEndpoint } from '../support/endpointTarget';
import { insertTodoAbove } from '../support/todoComment';
import { constBinding } from '../support/constBindings';
import { closedWeightIds, closedWeightReason } from '../../catalog/closedWeights';
import { type StaticModelIds, staticModelIds } from '../support/staticModelIds';
import { skipOuterExpressions } from '../../script/parse';
import { type OperationCall, operationCallOf } from '../support/operationCall';
import { propertySeparator, requestObjectOf, staticProperties, valueOf } from '../support/requestObject';
import { dedentContinuationLines, indentWidthAt } from '../support/reindent';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';

/** Converse input fields the adapter carries over to a chat-completions body. */
const SUPPORTED_FIELDS = new Set(['modelId', 'messages', 'system', 'inferenceConfig', 'toolConfig', 'additionalModelRequestFields']);

/**
 * `client.send(new ConverseCommand(input))` / `br.converse(input)` → `converseOnSageMaker(client, input')`
 * (and the stream variants), where the adapter module returns Converse-shaped output, so the code that reads
 * the response compiles unchanged. `modelId` becomes the SageMaker endpoint.
 */
export const rewriteConverse: FixTransform = {
  name: 'rewrite-converse',
  rules: ['bedrock/converse', 'bedrock/converse-stream'],
  // Around the call's statement it reads the command variable's uses and the consts of the input and the model id, by name.
  checkReadsByName: true,
  check(context, finding) {
    const call = operationCallOf(context, finding);
    return typeof call === 'string' ? refuse(call) : checkCall(context, call);
  },
  apply(context, findings) {
    for (const finding of findings) {
      const call = operationCallOf(context, finding);
      if (typeof call === 'string' || !checkCall(context, call).ok) continue;
      rewrite(context, finding, call);
    }
  },
};

function checkCall(context: FixContext, call: OperationCall): Verdict {
  if (call.sdk === 'v2') return refuse(l10n.t('the adapter needs an SDK v3 client; migrate this SDK v2 Converse call by hand'));
  if (!context.canUseAdapter()) return refuse(l10n.t("the document's place in the workspace is unknown, so the adapter module cannot be imported"));
  const extra = (call.send ?? call.call)?.arguments.slice(1) ?? [];
  if (extra.length > 1 || extra.some((argument) => ts.isFunctionLike(argument))) return refuse(l10n.t('callback-style calls are not rewritten; use the promise form first'));
  if (call.commandVariable?.type) return refuse(l10n.t('the command variable has a type annotation'));
  const input = call.input && requestObjectOf(call.input);
  if (!input) return refuse(l10n.t('the call has no input'));
  if (ts.isIdentifier(input) || ts.isPropertyAccessExpression(input)) {
    const closed = closedWeightIds(inputModelIds(input).ids);
    if (closed.length > 0) return refuse(closedWeightReason(closed));
    return endpointVerdict(endpointPlanOf(context, input));
  }
  if (!ts.isObjectLiteralExpression(input)) return refuse(l10n.t('the input is neither an object literal nor a variable'));
  const properties = staticProperties(input);
  if (!properties) return refuse(l10n.t('the input object has spread or computed properties'));
  if (!properties.has('modelId')) return refuse(l10n.t('the input object has no modelId'));
  const unsupported = [...properties.keys()].filter((name) => !SUPPORTED_FIELDS.has(name));
  if (unsupported.length > 0) return refuse(l10n.t('{0} has no SageMaker equivalent', unsupported.join(', ')));
  const blocks = unsupportedBlocks(input);
  if (blocks.length > 0) return refuse(l10n.t('{0} content blocks have no chat-completions equivalent', blocks.join(', ')));
  const closed = closedWeightIds(staticModelIds(valueOf(properties.get('modelId')!)!).ids);
  if (closed.length > 0) return refuse(closedWeightReason(closed));
  return endpointVerdict(endpointPlanOf(context, input));
}

function endpointVerdict(plan: EndpointPlan): Verdict {
  return plan.kind === 'refused' ? refuse(plan.reason) : OK;
}

/** The endpoint of an input object literal (from its modelId) or of an input variable (only known at run time). */
function endpointPlanOf(context: FixContext, input: ts.Expression): EndpointPlan {
  return planEndpoint(context.settings, inputModelIds(input));
}

/** The model ids of an input object literal, or of a `const input = {...}` the call passes by name. */
function inputModelIds(input: ts.Expression): StaticModelIds {
  const binding = ts.isIdentifier(input) ? constBinding(input) : undefined;
  const literal = ts.isObjectLiteralExpression(input) ? input : binding && skipOuterExpressions(binding.initializer);
  const modelId = literal && ts.isObjectLiteralExpression(literal) ? staticProperties(literal)?.get('modelId') : undefined;
  const value = modelId && valueOf(modelId);
  return value ? staticModelIds(value) : { ids: [], complete: false };
}

/** TGI answers chat-completions bodies on /invocations only with its Messages API; LMI always does. */
function tgiNote(context: FixContext, plan: EndpointPlan, anchor: ts.Node): void {
  const ids = plan.kind === 'literal' ? [plan.modelId] : plan.kind === 'table' ? plan.knownIds : [];
  const tgi = ids.filter((id) => mappingFor(context, id)?.container === 'tgi');
  if (tgi.length === 0) return;
  insertTodoAbove(context, anchor, l10n.t("the endpoint of '{0}' runs TGI: the adapter sends chat-completions bodies, which TGI accepts on /invocations only with its Messages API (set MESSAGES_API_ENABLED=true on the endpoint).", tgi.join("', '")));
}

/** Content blocks a chat-completions body cannot carry (documents, media, cache points...). */
const UNSUPPORTED_BLOCKS = new Set(['document', 'video', 'audio', 'cachePoint', 'guardContent', 'citationsContent', 'searchResult', 's3Location']);

function unsupportedBlocks(input: ts.ObjectLiteralExpression): string[] {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = node.name.getText();
      if (UNSUPPORTED_BLOCKS.has(name)) found.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(input);
  return [...found];
}

function rewrite(context: FixContext, finding: Finding, call: OperationCall): void {
  const adapterFunction = finding.ruleId === 'bedrock/converse-stream' ? 'converseStreamOnSageMaker' : 'converseOnSageMaker';
  context.useAdapter();
  const input = requestObjectOf(call.input!);
  const clientText = call.client.getText(context.sourceFile);
  if (call.shape === 'aggregated') {
    rewriteInput(context, input, 0, call.result);
    // br.converse(input) → converseOnSageMaker(br, input)
    context.replace(call.call!.expression, adapterFunction);
    context.insert(call.input!.getStart(context.sourceFile), `${clientText}, `);
    return;
  }
  const command = call.command!;
  const send = call.send!;
  if (call.commandVariable) {
    // const command = new ConverseCommand(input) → const command = input; client.send(command) → adapter(client, command).
    // `satisfies` keeps the contextual typing the constructor gave (role: "user" stays a ConversationRole).
    rewriteInput(context, input, 0, call.result);
    const typescript = context.run.languageId === 'typescript' || context.run.languageId === 'typescriptreact';
    const inputType = finding.ruleId === 'bedrock/converse-stream' ? 'ConverseStreamCommandInput' : 'ConverseCommandInput';
    context.replace({ start: command.getStart(context.sourceFile), end: call.input!.getStart(context.sourceFile) }, '');
    context.replace({ start: call.input!.getEnd(), end: command.getEnd() }, typescript && ts.isObjectLiteralExpression(input) ? ` satisfies ${inputType}` : '');
    context.replace(send.expression, adapterFunction);
    context.insert(send.arguments[0].getStart(context.sourceFile), `${clientText}, `);
    return;
  }
  const argumentStart = send.arguments[0].getStart(context.sourceFile);
  const opening = context.text.slice(send.expression.getEnd() + 1, argumentStart);
  const closing = context.text.slice(command.getEnd(), send.getEnd() - 1);
  if (/^\s*$/.test(opening) && /^[\s,]*$/.test(closing)) {
    // client.send(new ConverseCommand({...})) → converseOnSageMaker(client, {...}), one line up if it was below.
    const dedent = opening.includes('\n') ? indentWidthAt(context, argumentStart) - indentWidthAt(context, send.getStart(context.sourceFile)) : 0;
    if (dedent > 0) dedentContinuationLines(context, input, dedent);
    rewriteInput(context, input, dedent, call.result);
    context.replace({ start: send.getStart(context.sourceFile), end: call.input!.getStart(context.sourceFile) }, `${adapterFunction}(${clientText}, `);
    context.replace({ start: call.input!.getEnd(), end: send.getEnd() }, ')');
  } else {
    rewriteInput(context, input, 0, call.result);
    context.replace(send.expression, adapterFunction);
    context.replace({ start: command.getStart(context.sourceFile), end: call.input!.getStart(context.sourceFile) }, `${clientText}, `);
    context.replace({ start: call.input!.getEnd(), end: command.getEnd() }, '');
  }
}

/** `modelId: x` → the endpoint properties; a variable input is spread with its looked-up endpoint. */
function rewriteInput(context: FixContext, input: ts.Expression, dedent: number, anchor: ts.Node): void {
  const plan = endpointPlanOf(context, input);
  if (ts.isObjectLiteralExpression(input)) anchor = input;
  tgiNote(context, plan, anchor);
  if (!ts.isObjectLiteralExpression(input)) {
    const text = input.getText(context.sourceFile);
    const target = renderEndpoint(context, plan, `${text}.modelId`, anchor);
    context.replace(input, `{ ...${text}, ${target.properties.join(', ')} }`);
    return;
  }
  const property = staticProperties(input)!.get('modelId')!;
  const target = renderEndpoint(context, plan, valueOf(property)!.getText(context.sourceFile), anchor);
  const separator = propertySeparator(context, input);
  context.replace(property, target.properties.join(separator.includes('\n') ? separator.slice(0, separator.length - dedent) : separator));
}

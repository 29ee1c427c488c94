import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { LANGCHAIN_CHAT_CLASSES } from '../../catalog/packages';
import { skipOuterExpressions, stringValue } from '../../script/parse';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { LANGCHAIN_CHAT_MODEL } from '../support/adapterModule';
import { endpointChoiceFor, placeholderNote } from '../../catalog/endpointChoice';
import { type ImportSite, type ListElement, importSites, importStatement, namespaceSites } from '../support/importSites';
import { removeElements } from '../support/listEdits';
import { endOfLine, isDeclared, referencesTo } from '../support/nodes';
import { propertySeparator, staticProperties, valueOf } from '../support/requestObject';
import { closedWeightIds, closedWeightReason } from '../../catalog/closedWeights';
import { staticModelIds } from '../support/staticModelIds';
import { insertTodoAbove } from '../support/todoComment';
import { type CheckReads, recordReads, replayReads } from '../support/checkReads';
import { quoted } from '../style';
import { isEnvironmentRead } from './rewriteClients';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';
import { ObjectCache } from '../../objectCache';

const LANGCHAIN_AWS = '@langchain/aws';

/** The class the chat model module exports. */
export const CHAT_MODEL_CLASS = 'SageMakerChatModel';

/** Constructor options the chat model takes as they are (LangChain's own BaseChatModelParams included). */
const KEPT_OPTIONS = new Set([
  'region', 'credentials', 'clientOptions', 'temperature', 'maxTokens', 'topP', 'streaming', 'streamUsage', 'additionalModelRequestFields',
  'callbacks', 'callbackManager', 'tags', 'metadata', 'verbose', 'maxConcurrency', 'maxRetries', 'onFailedAttempt', 'cache', 'disableStreaming', 'outputVersion',
]);

/** One construction `new ChatBedrockConverse({...})` and the import binding it uses. */
interface Construction {
  node: ts.NewExpression;
  binding: Binding;
  options: ts.ObjectLiteralExpression | undefined;
}

interface Binding {
  site: ImportSite;
  element: ListElement;
}

interface FilePlan {
  bindings: Binding[];
  constructions: Construction[];
  /** Why the whole file stays as it is, when it does. */
  refusal?: string;
  /** Per construction callee start: why it is not rewritten. */
  verdicts: Map<number, Verdict>;
}

/**
 * `new ChatBedrockConverse({ model: '<id>', region, ... })` (from `@langchain/aws`) and `new BedrockChat({...})` (from
 * `@langchain/community`) → `new SageMakerChatModel({ endpointName: '<endpoint>', region: '<China region>', ... })`
 * from the chat model module written once per package; the code that invokes, streams or binds tools is unchanged.
 */
export const rewriteLangChain: FixTransform = {
  name: 'rewrite-langchain',
  rules: ['bedrock/langchain', 'bedrock/import'],
  check(context, finding) {
    if (!isChatModelFinding(finding)) return OK;
    const plan = planOf(context);
    if (plan.refusal !== undefined) return refuse(plan.refusal);
    return plan.verdicts.get(finding.range.start) ?? OK;
  },
  apply(context, findings) {
    if (!findings.some(isChatModelFinding)) return;
    const plan = planOf(context);
    if (plan.refusal !== undefined || [...plan.verdicts.values()].some((verdict) => !verdict.ok)) return;
    const specifier = context.useChatModel();
    if (!specifier) return;
    for (const construction of plan.constructions) rewriteConstruction(context, construction);
    rewriteImports(context, plan.bindings, specifier);
  },
};

/** A LangChain chat model class or its import: the findings this transform owns. */
export function isChatModelFinding(finding: Finding): boolean {
  if (finding.ruleId === 'bedrock/langchain') return isChatClass(undefined, String(finding.data.name));
  if (finding.ruleId !== 'bedrock/import' || finding.data.library !== 'langchain') return false;
  const module = String(finding.data.module);
  // A whole-module import (`@langchain/community/chat_models/bedrock`) has no name.
  return finding.data.name === undefined ? LANGCHAIN_CHAT_CLASSES.some((entry) => entry.module === module) : isChatClass(module, String(finding.data.name));
}

function isChatClass(module: string | undefined, name: string): boolean {
  return LANGCHAIN_CHAT_CLASSES.some((entry) => entry.name === name && (module === undefined || entry.module === module));
}

/** Kept on the pass's context (see objectCache.ts), which the checks of one refinement share. */
const plans = new ObjectCache<FixContext, { plan: FilePlan; reads: CheckReads }>('langChainPlan', 'fixContext');

/** The file's plan, made once per pass; every check that uses it depends on what making it read. */
function planOf(context: FixContext): FilePlan {
  let entry = plans.get(context);
  if (!entry) {
    const { value, reads } = recordReads(() => makePlan(context));
    entry = { plan: value, reads };
    plans.set(context, entry);
  }
  replayReads(entry.reads);
  return entry.plan;
}

function makePlan(context: FixContext): FilePlan {
  const sourceFile = context.sourceFile;
  const bindings: Binding[] = [];
  const constructions: Construction[] = [];
  const verdicts = new Map<number, Verdict>();
  const modules = [...new Set(LANGCHAIN_CHAT_CLASSES.map((entry) => entry.module))];
  const plan = (refusal?: string): FilePlan => ({ bindings, constructions, verdicts, ...(refusal !== undefined ? { refusal } : {}) });
  for (const module of modules) {
    if (namespaceSites(sourceFile, module).length > 0) return plan(l10n.t("'{0}' is imported as a namespace; import the chat model class by name first", module));
    for (const site of importSites(sourceFile, module)) {
      const chat = site.elements.filter((element) => isChatClass(module, element.imported));
      // The module is Bedrock as a whole: anything else imported from it would keep the import (and its finding).
      if (chat.length < site.elements.length && module !== LANGCHAIN_AWS) return plan(l10n.t("this file imports more than the chat model class from '{0}'", module));
      bindings.push(...chat.map((element) => ({ site, element })));
    }
  }
  if (bindings.length === 0) return plan(l10n.t('the chat model class is not imported by name from its package in this file'));
  if (bindings.length > 1) return plan(l10n.t('this file imports more than one Bedrock chat model class; migrate it by hand'));
  if (!context.canUseAdapter(LANGCHAIN_CHAT_MODEL)) return plan(l10n.t("the document's place in the workspace is unknown, so the chat model module cannot be imported"));
  if (usesStructuredOutput(sourceFile)) {
    return plan(l10n.t('withStructuredOutput is used: the SageMaker chat model cannot force the tool call it relies on; call the endpoint with response_format by hand'));
  }
  for (const binding of bindings) {
    if (binding.element.typeOnly || binding.site.typeOnly) return plan(l10n.t('the chat model class is imported as a type'));
    if (binding.element.local === binding.element.imported && isDeclared(sourceFile, CHAT_MODEL_CLASS)) {
      return plan(l10n.t("'{0}' is already declared in this file", CHAT_MODEL_CLASS));
    }
    for (const reference of referencesTo(sourceFile, binding.element.local)) {
      if (reference === binding.element.localNode) continue;
      const parent = reference.parent;
      if (!ts.isNewExpression(parent) || parent.expression !== reference) {
        return plan(l10n.t("'{0}' is used other than in new {0}(...) (as a type, a value or with instanceof)", binding.element.local));
      }
      const options = parent.arguments?.[0] && skipOuterExpressions(parent.arguments[0]);
      const construction: Construction = { node: parent, binding, options: options && ts.isObjectLiteralExpression(options) ? options : undefined };
      constructions.push(construction);
      verdicts.set(reference.getStart(sourceFile), checkConstruction(construction));
    }
  }
  return plan();
}

/**
 * Property names a check looks for anywhere in the file, whoever owns them: a model can reach any object, so their
 * presence alone refuses the fix. Refinement reuse (refinementReuse.ts) refines afresh when their count changes.
 */
export const FILE_WIDE_PROPERTY_NAMES: readonly string[] = ['withStructuredOutput'];

function usesStructuredOutput(sourceFile: ts.SourceFile): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'withStructuredOutput') found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function checkConstruction(construction: Construction): Verdict {
  const { node, options } = construction;
  if ((node.arguments?.length ?? 0) > 1) return refuse(l10n.t('the constructor has more than one argument'));
  if (!options) {
    return refuse(node.arguments && node.arguments.length > 0
      ? l10n.t('the options are not an object literal, so the model id and options are not known statically')
      : l10n.t('no model is given, and the default model is a closed-weight Anthropic model'));
  }
  const properties = staticProperties(options);
  if (!properties) return refuse(l10n.t('the options object has spread or computed properties'));
  if (properties.has('guardrailConfig')) {
    return refuse(l10n.t('Bedrock Guardrails (guardrailConfig) have no SageMaker equivalent; screen prompts and answers with a Llama Guard endpoint from JumpStart'));
  }
  if (properties.has('client')) return refuse(l10n.t('a Bedrock Runtime client is passed in (client); give the region and credentials instead'));
  const unsupported = [...properties.keys()].filter((name) => name !== 'model' && !KEPT_OPTIONS.has(name));
  if (unsupported.length > 0) return refuse(l10n.t('{0} has no SageMaker equivalent', unsupported.join(', ')));
  const model = properties.get('model');
  if (!model) return refuse(l10n.t('no model is given, and the default model is a closed-weight Anthropic model'));
  const ids = staticModelIds(valueOf(model)!);
  if (!ids.complete || ids.ids.length !== 1) return refuse(l10n.t('the model id is not known statically'));
  const closed = closedWeightIds(ids.ids);
  if (closed.length > 0) return refuse(closedWeightReason(closed));
  return OK;
}

function rewriteConstruction(context: FixContext, construction: Construction): void {
  const { node, binding } = construction;
  const options = construction.options!;
  const properties = staticProperties(options)!;
  const modelProperty = properties.get('model')!;
  const modelId = staticModelIds(valueOf(modelProperty)!).ids[0];
  const choice = endpointChoiceFor(context.settings, modelId);
  if (binding.element.local === binding.element.imported) context.replace(node.expression, CHAT_MODEL_CLASS);
  const style = context.style;
  const target = [`endpointName: ${quoted(choice.endpointName, style)}`];
  if (choice.inferenceComponentName) target.push(`inferenceComponentName: ${quoted(choice.inferenceComponentName, style)}`);
  context.replace(modelProperty, target.join(propertySeparator(context, options)));
  if (choice.placeholder) insertTodoAbove(context, node, placeholderNote(modelId));
  if (choice.container === 'tgi') {
    insertTodoAbove(context, node, l10n.t("the endpoint of '{0}' runs TGI: the chat model sends chat-completions bodies, which TGI accepts on /invocations only with its Messages API (set MESSAGES_API_ENABLED=true on the endpoint).", modelId));
  }
  rewriteRegion(context, properties.get('region'), node);
}

/**
 * The region literals reported on the options (`"us-east-1"`, also as the fallback of `process.env.AWS_REGION ?? "us-east-1"`)
 * become the target region; a region the code computes gets a TODO; a bare env read is deployment configuration.
 */
function rewriteRegion(context: FixContext, region: ts.ObjectLiteralElementLike | undefined, anchor: ts.Node): void {
  if (!region) return;
  const start = region.getStart(context.sourceFile);
  const literals = context.findingsOf(['bedrock/client-region']).filter((finding) => finding.range.start >= start && finding.range.end <= region.getEnd());
  for (const finding of literals) {
    const quote = context.text[finding.range.start];
    context.replace(finding.range, `${quote}${context.settings.targetRegion}${quote}`);
  }
  const value = skipOuterExpressions(valueOf(region)!);
  if (literals.length > 0 || stringValue(value) !== undefined || isEnvironmentRead(value)) return;
  insertTodoAbove(context, anchor, l10n.t("this client's region comes from '{0}': make sure it is the China region of your SageMaker endpoint ({1}).", value.getText(context.sourceFile), context.settings.targetRegion));
}

/** The construction `callee` belongs to is a chat model this transform rewrites (its region goes with it). */
export function rewritesChatModelAt(context: FixContext, callee: ts.Node): boolean {
  const start = callee.getStart(context.sourceFile);
  const finding = context.findingsOf(['bedrock/langchain']).find((other) => other.range.start === start && other.range.end === callee.getEnd());
  return finding !== undefined && finding.fixable && isChatModelFinding(finding) && rewriteLangChain.check!(context, finding).ok;
}

/**
 * The import of the Bedrock class becomes the import of the chat model module: in place when the statement
 * imports nothing else, else the class leaves the list and a new statement follows it.
 */
function rewriteImports(context: FixContext, bindings: readonly Binding[], specifier: string): void {
  for (const { site, element } of bindings) {
    const others = site.elements.filter((other) => other !== element);
    if (others.length === 0) {
      const literal = site.moduleLiteral;
      const quote = context.text[literal.getStart(context.sourceFile)];
      context.replace(literal, `${quote}${specifier}${quote}`);
      context.replace(element.importedNode, CHAT_MODEL_CLASS);
      continue;
    }
    const nodes = site.elements.map((candidate) => candidate.node);
    removeElements(context, nodes, new Set([element.node]), (nodes[0].parent as ts.NamedImports | ts.ObjectBindingPattern).elements.hasTrailingComma);
    const statement = importStatement(context, specifier, [{ imported: CHAT_MODEL_CLASS, local: element.local === element.imported ? CHAT_MODEL_CLASS : element.local, typeOnly: false }], site.kind);
    const at = endOfLine(context.text, site.statement.getEnd());
    const endsLine = context.text.charAt(at - 1) === '\n';
    context.insert(at, endsLine ? `${statement}${context.style.eol}` : `${context.style.eol}${statement}`);
  }
}

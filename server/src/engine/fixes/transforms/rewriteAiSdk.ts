import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { propertyNameText, skipOuterExpressions, stringValue } from '../../script/parse';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { quoted } from '../style';
import { AI_SDK_PROVIDER } from '../support/adapterModule';
import {
  AI_SDK_BEDROCK_MODULE, AI_SDK_RENAMES, FACTORY_OPTIONS, aiSdkImportSites, aiSdkUse, factoryRefusal, hasBedrockProviderOptions, importRefusal,
} from '../support/aiSdkUses';
import { endpointChoiceFor, placeholderNote } from '../../catalog/endpointChoice';
import type { ImportSite } from '../support/importSites';
import { isDeclared, referencesTo } from '../support/nodes';
import { closedWeightIds, closedWeightReason } from '../../catalog/closedWeights';
import { insertTodoAbove } from '../support/todoComment';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';
import { flagEndpointOverride, flagRegionFromCode } from './rewriteClients';

/**
 * Vercel AI SDK: `bedrock("<model id>")` → `sagemaker("<endpoint>")`, `createAmazonBedrock({...})` →
 * `createSageMaker({...})`, and the import of `@ai-sdk/amazon-bedrock` → the SageMaker provider module written once
 * per package. generateText/streamText code stays as it is: the module implements the AI SDK's language-model
 * interface on InvokeEndpoint / InvokeEndpointWithResponseStream.
 */
export const rewriteAiSdk: FixTransform = {
  name: 'rewrite-ai-sdk',
  rules: ['bedrock/ai-sdk', 'bedrock/import'],
  check: verdictFor,
  apply(context, findings) {
    const accepted = findings.filter((finding) => isAiSdkFinding(finding) && verdictFor(context, finding).ok);
    if (accepted.length === 0) return;
    for (const finding of accepted) {
      if (finding.ruleId === 'bedrock/import') {
        const site = siteOf(context, finding);
        if (site) rewriteImport(context, site);
        continue;
      }
      const use = aiSdkUse(context, finding);
      if (use.kind === 'model') rewriteModel(context, use.call);
      else if (use.kind === 'factory') rewriteFactory(context, use.call);
    }
  },
};

function isAiSdkFinding(finding: Finding): boolean {
  return finding.ruleId === 'bedrock/ai-sdk' || finding.data.library === 'ai-sdk';
}

function verdictFor(context: FixContext, finding: Finding): Verdict {
  if (!isAiSdkFinding(finding)) return OK;
  if (!context.canUseAdapter(AI_SDK_PROVIDER)) return refuse(l10n.t("the document's place in the workspace is unknown, so the provider module cannot be imported"));
  if (finding.ruleId === 'bedrock/import') return importVerdict(context, finding);
  const use = aiSdkUse(context, finding);
  if (use.kind === 'refused') return refuse(use.reason);
  const reason = use.kind === 'factory' ? factoryRefusal(use.call) : modelRefusal(context, use.call);
  return reason === undefined ? OK : refuse(reason);
}

function importVerdict(context: FixContext, finding: Finding): Verdict {
  if (finding.data.module !== AI_SDK_BEDROCK_MODULE) {
    return refuse(l10n.t("'{0}' serves Bedrock-only APIs that the SageMaker provider does not have", String(finding.data.module)));
  }
  const site = siteOf(context, finding);
  if (!site) return refuse(l10n.t("'{0}' is not imported by name (a namespace, default, dynamic import or re-export)", AI_SDK_BEDROCK_MODULE));
  const taken = site.elements.find((element) => element.imported === element.local && isDeclared(context.sourceFile, AI_SDK_RENAMES[element.imported] ?? ''));
  if (taken) return refuse(l10n.t("the file already declares '{0}'", AI_SDK_RENAMES[taken.imported]));
  const reason = importRefusal(context, site);
  return reason === undefined ? OK : refuse(reason);
}

function modelRefusal(context: FixContext, call: ts.CallExpression): string | undefined {
  if (hasBedrockProviderOptions(context.sourceFile)) {
    return l10n.t('the file passes Bedrock provider options (providerOptions.bedrock: guardrails, reasoning, caching...), which SageMaker endpoints do not have');
  }
  if (call.arguments.length !== 1) return l10n.t('the model has Bedrock model settings (a second argument)');
  const modelId = stringValue(skipOuterExpressions(call.arguments[0]));
  if (modelId === undefined) return l10n.t('the model id is not a string literal at the call, so its endpoint is not known statically');
  const closed = closedWeightIds([modelId]);
  return closed.length > 0 ? closedWeightReason(closed) : undefined;
}

function siteOf(context: FixContext, finding: Finding): ImportSite | undefined {
  return aiSdkImportSites(context).find((site) => site.moduleLiteral.getStart(context.sourceFile) === finding.range.start);
}

/** The module specifier, the imported names, and (for names without an alias) every call through them. */
function rewriteImport(context: FixContext, site: ImportSite): void {
  const specifier = context.useAdapter(AI_SDK_PROVIDER);
  if (!specifier) return;
  const quote = site.moduleLiteral.getText(context.sourceFile).charAt(0);
  context.replace(site.moduleLiteral, `${quote}${specifier}${quote}`);
  for (const element of site.elements) {
    const renamed = AI_SDK_RENAMES[element.imported];
    context.replace(element.importedNode, renamed);
    if (element.importedNode !== element.localNode) continue;
    for (const reference of referencesTo(context.sourceFile, element.local)) {
      if (reference !== element.localNode) context.replace(reference, renamed);
    }
  }
}

/** The model id becomes the endpoint name (and inference component) mapped to it, or the placeholder with a TODO. */
function rewriteModel(context: FixContext, call: ts.CallExpression): void {
  const argument = skipOuterExpressions(call.arguments[0]);
  const modelId = stringValue(argument)!;
  const choice = endpointChoiceFor(context.settings, modelId);
  const quote = argument.getText(context.sourceFile).charAt(0);
  const style = { ...context.style, quote: quote === "'" || quote === '"' ? quote : context.style.quote };
  context.replace(argument, quoted(choice.endpointName, style));
  if (choice.inferenceComponentName) context.insert(argument.getEnd(), `, { inferenceComponentName: ${quoted(choice.inferenceComponentName, style)} }`);
  if (choice.placeholder) insertTodoAbove(context, call, placeholderNote(modelId));
}

/**
 * Options the SageMaker Runtime client names differently are renamed; a Bedrock `baseURL` gets the endpoint-override
 * TODO, a region the code computes the TODO that asks for the China region (as for Bedrock Runtime clients).
 */
function rewriteFactory(context: FixContext, call: ts.CallExpression): void {
  const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  if (!options || !ts.isObjectLiteralExpression(options)) return;
  flagRegionFromCode(context, options);
  for (const property of options.properties) {
    const name = propertyNameText(property.name);
    if (!property.name || name === undefined || FACTORY_OPTIONS[name] === name) continue;
    context.replace(property.name, FACTORY_OPTIONS[name]);
    if (name === 'baseURL') flagEndpointOverride(context, options, name);
  }
}

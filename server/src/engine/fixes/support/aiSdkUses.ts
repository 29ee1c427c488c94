import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { propertyNameText, skipOuterExpressions } from '../../script/parse';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { type ImportSite, importSites, namespaceSites } from './importSites';
import { readAll } from './checkReads';
import { referencesTo } from './nodes';

/** The module the Vercel AI SDK's Bedrock provider comes from; its subpaths are not migrated. */
export const AI_SDK_BEDROCK_MODULE = '@ai-sdk/amazon-bedrock';

/** Exports of the Bedrock provider module → their names in the SageMaker provider module. */
export const AI_SDK_RENAMES: Readonly<Record<string, string>> = { bedrock: 'sagemaker', createAmazonBedrock: 'createSageMaker' };

/** `createAmazonBedrock` options the SageMaker factory takes (renamed where the SageMaker Runtime client calls them differently). */
export const FACTORY_OPTIONS: Readonly<Record<string, string>> = { region: 'region', baseURL: 'endpoint', credentialProvider: 'credentials' };

const EMBEDDING_METHODS = new Set(['embedding', 'embeddingModel', 'textEmbedding', 'textEmbeddingModel']);
const IMAGE_METHODS = new Set(['image', 'imageModel']);
const RERANKING_METHODS = new Set(['reranking', 'rerankingModel']);

/** What one `bedrock/ai-sdk` finding is, found again in a pass's tree. */
export type AiSdkUse =
  | { kind: 'factory'; call: ts.CallExpression; callee: ts.Identifier }
  | { kind: 'model'; call: ts.CallExpression; callee: ts.Expression }
  | { kind: 'refused'; reason: string };

/** The finding's call: the factory (`createAmazonBedrock(...)`), a language model (`bedrock("id")`, `p.languageModel("id")`), or why neither. */
export function aiSdkUse(context: FixContext, finding: Finding): AiSdkUse {
  const callee = context.nodeOf(finding);
  const call = callee?.parent;
  if (!callee || !call || !ts.isCallExpression(call) || call.expression !== callee) return refused(l10n.t('the provider is not called directly'));
  const name = String(finding.data.name ?? '');
  if (/Anthropic$/.test(name)) return refused(l10n.t("'{0}' reaches Claude through Bedrock's Anthropic API; Claude has no open weights to deploy on SageMaker: use bedrock(...) with an open-weight model id, then migrate", name));
  if (/Mantle$/.test(name)) return refused(l10n.t("'{0}' uses Bedrock's OpenAI-compatible Mantle API, which SageMaker does not have: use bedrock(...) with an open-weight model id, then migrate", name));
  if (namespaceSites(context.sourceFile, AI_SDK_BEDROCK_MODULE).length > 0) return refused(l10n.t("the provider module is imported as a namespace; import '{0}' by name first", 'bedrock'));
  if (ts.isIdentifier(callee) && importedNameOf(context, callee.text) === 'createAmazonBedrock') return { kind: 'factory', call, callee };
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (EMBEDDING_METHODS.has(method)) return refused(l10n.t('embedding models have no counterpart in the SageMaker provider: call an embedding endpoint with InvokeEndpoint'));
    if (IMAGE_METHODS.has(method)) return refused(l10n.t('image models have no counterpart in the SageMaker provider: call an image endpoint with InvokeEndpoint'));
    if (RERANKING_METHODS.has(method)) return refused(l10n.t('reranking models have no counterpart in the SageMaker provider'));
    if (method !== 'languageModel') return refused(l10n.t("'{0}' has no counterpart in the SageMaker provider", method));
  }
  return { kind: 'model', call, callee: call.expression };
}

function refused(reason: string): AiSdkUse {
  return { kind: 'refused', reason };
}

/** The Bedrock provider module's export a local name was imported as (`bedrock`, `createAmazonBedrock`...). */
export function importedNameOf(context: FixContext, local: string): string | undefined {
  for (const site of importSites(context.sourceFile, AI_SDK_BEDROCK_MODULE)) {
    const element = site.elements.find((candidate) => candidate.local === local);
    if (element) return element.imported;
  }
  return undefined;
}

/** The statements importing the Bedrock provider module by name (ES or destructured `require`). */
export function aiSdkImportSites(context: FixContext): ImportSite[] {
  return importSites(context.sourceFile, AI_SDK_BEDROCK_MODULE);
}

/**
 * Why the names an import brings in cannot be renamed to the SageMaker provider's: a type, an export the SageMaker
 * module does not have, or a use other than a call (passing `bedrock` around, `bedrock.tools`...). Undefined when
 * every use is a call the transform rewrites (or refuses on its own).
 */
export function importRefusal(context: FixContext, site: ImportSite): string | undefined {
  for (const element of site.elements) {
    if (element.typeOnly || site.typeOnly || !(element.imported in AI_SDK_RENAMES)) {
      return l10n.t("'{0}' from '{1}' has no counterpart in the SageMaker provider", element.imported, AI_SDK_BEDROCK_MODULE);
    }
    const uses = referencesTo(context.sourceFile, element.local).filter((reference) => reference !== element.localNode);
    if (uses.some((reference) => !isCallee(reference))) {
      return l10n.t("'{0}' is used as a value, not only called, so its uses cannot all be rewritten", element.local);
    }
  }
  return undefined;
}

/** Why a `createAmazonBedrock(...)` call cannot become `createSageMaker(...)`, or undefined. */
export function factoryRefusal(call: ts.CallExpression): string | undefined {
  if (call.arguments.length > 1) return l10n.t('the factory has more than one argument');
  const argument = call.arguments[0];
  if (argument) {
    const options = skipOuterExpressions(argument);
    if (!ts.isObjectLiteralExpression(options)) return l10n.t('the provider options are not an object literal');
    for (const property of options.properties) {
      const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? propertyNameText(property.name) : undefined;
      if (name === undefined) return l10n.t('the provider options have spread, computed or method members');
      if (name === 'apiKey') return l10n.t('it signs in with a Bedrock API key (the apiKey option), and SageMaker Runtime accepts only IAM SigV4 credentials from the China account');
      if (!(name in FACTORY_OPTIONS)) return l10n.t("the provider option '{0}' has no SageMaker Runtime equivalent here", name);
      if (ts.isShorthandPropertyAssignment(property) && FACTORY_OPTIONS[name] !== name) return l10n.t("the provider option '{0}' is written in shorthand", name);
    }
  }
  const declaration = skipParents(call).parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !isConst(declaration) || isExported(declaration)) {
    return l10n.t('the provider is not kept in a local const, so its other uses cannot be followed');
  }
  const uses = referencesTo(call.getSourceFile(), declaration.name.text).filter((reference) => reference !== declaration.name);
  if (uses.some((reference) => !isCallee(reference))) return l10n.t("the provider '{0}' is used as a value, not only called", declaration.name.text);
  return undefined;
}

/** `x(...)` or `x.method(...)`: the identifier is (the object of) a call's callee. */
function isCallee(reference: ts.Identifier): boolean {
  const parent = reference.parent;
  if (ts.isCallExpression(parent) && parent.expression === reference) return true;
  return ts.isPropertyAccessExpression(parent) && parent.expression === reference && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
}

function skipParents(node: ts.Expression): ts.Node {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  return current;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isExported(declaration: ts.VariableDeclaration): boolean {
  const statement = declaration.parent.parent;
  return ts.isVariableStatement(statement) && (statement.modifiers ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** `providerOptions: { bedrock: {...} }` anywhere in the file: Bedrock-only settings (guardrails, reasoning...) the SageMaker provider would ignore. */
export function hasBedrockProviderOptions(sourceFile: ts.SourceFile): boolean {
  readAll(sourceFile);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(node) && propertyNameText(node.name) === 'providerOptions') {
      const value = skipOuterExpressions(node.initializer);
      if (!ts.isObjectLiteralExpression(value) || value.properties.some((property) => property.name === undefined || propertyNameText(property.name) === 'bedrock')) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

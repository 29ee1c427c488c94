import * as l10n from '../../l10n';
import ts from '../../typescript';
import { PLACEHOLDER, findHosts } from '../../catalog/modelIds';
import { OPENAI_PACKAGE } from '../../catalog/packages';
import type { Meaning } from '../bindings';
import { type ScriptDetector, rangeOf } from '../scriptContext';
import { propertyNameText, stringValue } from '../parse';

/** `new OpenAI({ baseURL: "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1" })`: the OpenAI SDK talking to Bedrock. */
export const detectOpenAiBaseUrl: ScriptDetector = {
  name: 'openai-base-url',
  rules: ['bedrock/openai-compatible'],
  kinds: [ts.SyntaxKind.NewExpression],
  detect(node, context) {
    const call = node as ts.NewExpression;
    if (!isOpenAiClass(context.bindings.meaningOf(call.expression))) return;
    const options = call.arguments?.[0];
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== 'baseURL') continue;
      const value = stringValue(property.initializer) ?? templateValue(property.initializer);
      if (value === undefined || findHosts(value).length === 0) continue;
      context.claim(property.initializer);
      context.report({
        ruleId: 'bedrock/openai-compatible',
        range: rangeOf(property.initializer, context.sourceFile),
        message: l10n.t("This OpenAI client calls Bedrock's OpenAI-compatible endpoint, which does not exist in {0}. Send the same chat-completions body to your SageMaker endpoint with InvokeEndpoint (SigV4 credentials, no API key).", context.settings.targetRegion),
        data: { baseURL: value.split(PLACEHOLDER).join('${…}') },
      });
    }
  },
};

/** `OpenAI` imported by name or default, or `require('openai')` itself: under CommonJS the module object is the class. */
function isOpenAiClass(meaning: Meaning | undefined): boolean {
  if (meaning?.kind === 'module') return meaning.module === OPENAI_PACKAGE;
  return meaning?.kind === 'export' && meaning.module === OPENAI_PACKAGE && (meaning.name === 'OpenAI' || meaning.name === 'AzureOpenAI');
}

/** `https://bedrock-runtime.${region}.amazonaws.com/openai/v1` with each substitution as a placeholder character. */
function templateValue(node: ts.Expression): string | undefined {
  if (!ts.isTemplateExpression(node)) return undefined;
  return node.head.text + node.templateSpans.map((span) => PLACEHOLDER + span.literal.text).join('');
}

import * as l10n from '../../l10n';
import ts from '../../typescript';
import { isLangChainChatClass, wrapperExport } from '../../catalog/packages';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import { wrapperAlternative } from './wrapperAlternative';
import type { Category, RuleId } from '../../types';
import type { Meaning } from '../bindings';
import { classifyMeaning } from '../bedrockExports';
import { type ScriptContext, type ScriptDetector, rangeOf } from '../scriptContext';
import { stringValue } from '../parse';

/**
 * Libraries that hide the SDK: `new ChatBedrockConverse(...)` (LangChain), `bedrock("...")` and providers made by
 * `createAmazonBedrock(...)` (Vercel AI SDK), `new Bedrock(...)` (LlamaIndex).
 */
export const detectWrappers: ScriptDetector = {
  name: 'wrappers',
  rules: ['bedrock/langchain', 'bedrock/ai-sdk', 'bedrock/llamaindex', 'bedrock/knowledge-base'],
  kinds: [ts.SyntaxKind.NewExpression, ts.SyntaxKind.CallExpression],
  detect(node, context) {
    const call = node as ts.NewExpression | ts.CallExpression;
    const callee = call.expression;
    const meaning = context.bindings.meaningOf(callee);
    const target = classifyMeaning(meaning);
    if (target?.what === 'wrapper') {
      const shape = target.wrapper.shape;
      const matches = ts.isNewExpression(call) ? shape === 'class' : shape === 'provider' || shape === 'factory';
      // The AI SDK provider and LangChain chat models have fixes (rewriteAiSdk, rewriteLangChain), which decide per file whether they apply.
      const fixable = target.wrapper.library === 'ai-sdk'
        || (ts.isNewExpression(call) && meaning?.kind === 'export' && isLangChainChatClass(meaning.module, meaning.name));
      if (matches) report(context, callee, target.exportName, target.wrapper.rule, target.wrapper.category, stringValue(call.arguments?.[0]), fixable, wrapperAlternative(target.wrapper));
      return;
    }
    if (!ts.isCallExpression(call)) return;
    // provider("model") or provider.languageModel("model"), where provider is `bedrock` or came from createAmazonBedrock().
    const providerExpression = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    const provider = providerOf(context.bindings.meaningOf(providerExpression));
    // Fixable as far as the detector knows; the fix's checks make it exact (refineFixability).
    if (provider) report(context, callee, provider, 'bedrock/ai-sdk', undefined, stringValue(call.arguments[0]), true);
  },
};

function providerOf(meaning: Meaning | undefined): string | undefined {
  if (meaning?.kind === 'instance' && wrapperExport(meaning.module, meaning.name)?.shape === 'factory') return meaning.name;
  if (meaning?.kind === 'export' && wrapperExport(meaning.module, meaning.name)?.shape === 'provider') return meaning.name;
  return undefined;
}

function report(context: ScriptContext, callee: ts.Node, name: string, ruleId: RuleId, category: Category | undefined,
  model: string | undefined, fixable = false, alternative = ruleMeta(ruleId).equivalent()): void {
  context.report({
    ruleId, range: rangeOf(callee, context.sourceFile), category, fixable, equivalent: alternative,
    message: l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Alternative: {2}.", name, context.settings.targetRegion, withoutNonePrefix(alternative)),
    data: { name, model },
  });
}

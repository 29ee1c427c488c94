import * as l10n from '../../l10n';
import ts from '../../typescript';
import { ruleMeta, withoutNonePrefix } from '../../rules';
import { type ScriptDetector, rangeOf } from '../scriptContext';

// Vercel AI SDK call options that carry per-provider settings; `bedrock` is the Amazon Bedrock provider's key.
const PROVIDER_OPTION_KEYS = new Set(['providerOptions', 'providerMetadata', 'experimental_providerMetadata']);

/**
 * Guardrails applied through the Vercel AI SDK: `generateText({ ..., providerOptions: { bedrock: { guardrailConfig:
 * { ... } } } })`. The call itself may use any model variable, so the options object is the evidence: the key path
 * providerOptions → bedrock → guardrailConfig exists only for Bedrock Guardrails.
 */
export const detectProviderOptions: ScriptDetector = {
  name: 'provider-options',
  rules: ['bedrock/guardrail'],
  kinds: [ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.ShorthandPropertyAssignment],
  detect(node, context) {
    const property = node as ts.PropertyAssignment | ts.ShorthandPropertyAssignment;
    if (propertyName(property.name) !== 'guardrailConfig') return;
    const bedrock = enclosingProperty(property);
    if (!bedrock || propertyName(bedrock.name) !== 'bedrock') return;
    const options = enclosingProperty(bedrock);
    if (!options || !PROVIDER_OPTION_KEYS.has(propertyName(options.name) ?? '')) return;
    context.report({
      ruleId: 'bedrock/guardrail',
      range: rangeOf(property.name, context.sourceFile),
      message: l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Alternative: {2}.",
        'providerOptions.bedrock.guardrailConfig', context.settings.targetRegion, withoutNonePrefix(ruleMeta('bedrock/guardrail').equivalent())),
      data: { name: 'guardrailConfig' },
    });
  },
};

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** The `key: { ... }` property whose object literal value holds `property`. */
function enclosingProperty(property: ts.ObjectLiteralElement): ts.PropertyAssignment | undefined {
  let object: ts.Node = property.parent;
  let outer = object.parent;
  while (ts.isParenthesizedExpression(outer) || ts.isAsExpression(outer) || ts.isSatisfiesExpression(outer)) {
    object = outer;
    outer = outer.parent;
  }
  return ts.isPropertyAssignment(outer) && outer.initializer === object ? outer : undefined;
}

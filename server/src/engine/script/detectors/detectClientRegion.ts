import * as l10n from '../../l10n';
import ts from '../../typescript';
import { classifyMeaning } from '../bedrockExports';
import { type ScriptContext, type ScriptDetector, rangeOf } from '../scriptContext';
import { propertyNameText, skipOuterExpressions, stringValue } from '../parse';

/**
 * A literal `region` given to a Bedrock client or wrapper: `new BedrockRuntimeClient({ region: "us-east-1" })`, also
 * through a config variable (`new BedrockRuntimeClient(config)`) and as a fallback (`process.env.AWS_REGION ?? "us-east-1"`).
 */
export const detectClientRegion: ScriptDetector = {
  name: 'client-region',
  rules: ['bedrock/client-region'],
  kinds: [ts.SyntaxKind.NewExpression, ts.SyntaxKind.CallExpression],
  detect(node, context) {
    const call = node as ts.NewExpression | ts.CallExpression;
    const target = classifyMeaning(context.bindings.meaningOf(call.expression));
    const isClient = target?.what === 'client' || (target?.what === 'wrapper' && (target.wrapper.shape === 'class' || target.wrapper.shape === 'factory'));
    if (!isClient || ts.isCallExpression(call) && target?.what !== 'wrapper') return;
    const options = optionsObject(call.arguments?.[0], context);
    if (!options) return;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== 'region') continue;
      const literal = regionLiteral(property.initializer);
      const value = stringValue(literal);
      const region = context.settings.targetRegion;
      // The client itself is reported; a region already set to the target is right as it is.
      if (!literal || value === undefined || value === region || context.isClaimed(literal)) continue;
      context.claim(literal); // one config object shared by several clients is reported once
      context.report({
        ruleId: 'bedrock/client-region',
        range: rangeOf(literal, context.sourceFile),
        fixable: true,
        equivalent: region,
        message: l10n.t("Bedrock client region '{0}': the migrated SageMaker Runtime client should use the target region '{1}'.", value, region),
        data: { region: value, targetRegion: region },
      });
    }
  },
};

/** `{ ... }` written in place, or the object literal a variable holds. */
function optionsObject(argument: ts.Expression | undefined, context: ScriptContext): ts.ObjectLiteralExpression | undefined {
  if (!argument) return undefined;
  const inner = skipOuterExpressions(argument);
  if (ts.isObjectLiteralExpression(inner)) return inner;
  const meaning = context.bindings.meaningOf(inner);
  return meaning?.kind === 'object' ? meaning.node : undefined;
}

/** `"us-east-1"`, or the literal fallback of `process.env.AWS_REGION ?? "us-east-1"` / `|| "us-east-1"`. */
function regionLiteral(value: ts.Expression): ts.Expression | undefined {
  const inner = skipOuterExpressions(value);
  if (stringValue(inner) !== undefined) return inner;
  if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || inner.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return regionLiteral(inner.right);
  }
  return undefined;
}

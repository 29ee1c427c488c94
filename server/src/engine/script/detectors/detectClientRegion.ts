import * as l10n from '@vscode/l10n';
import ts from 'typescript';
import { classifyMeaning } from '../classify';
import { type ScriptDetector, rangeOf } from '../context';
import { propertyNameText, stringValue } from '../parse';

/** A literal `region` given to a Bedrock client or wrapper: `new BedrockRuntimeClient({ region: "us-east-1" })`. */
export const detectClientRegion: ScriptDetector = {
  name: 'client-region',
  kinds: [ts.SyntaxKind.NewExpression, ts.SyntaxKind.CallExpression],
  detect(node, context) {
    const call = node as ts.NewExpression | ts.CallExpression;
    const target = classifyMeaning(context.bindings.meaningOf(call.expression));
    const isClient = target?.what === 'client' || (target?.what === 'wrapper' && (target.wrapper.shape === 'class' || target.wrapper.shape === 'factory'));
    if (!isClient || ts.isCallExpression(call) && target?.what !== 'wrapper') return;
    const options = call.arguments?.[0];
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== 'region') continue;
      const value = stringValue(property.initializer);
      const region = context.settings.targetRegion;
      if (value === undefined || value === region) continue; // the client itself is reported; the region is already right
      context.report({
        ruleId: 'bedrock/client-region',
        range: rangeOf(property.initializer, context.sourceFile),
        fixable: true,
        equivalent: region,
        message: l10n.t("Bedrock client region '{0}': the migrated SageMaker Runtime client should use the target region '{1}'.", value, region),
        data: { region: value, targetRegion: region },
      });
    }
  },
};

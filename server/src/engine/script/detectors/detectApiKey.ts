import * as l10n from '../../l10n';
import ts from '../../typescript';
import { BEDROCK_API_KEY_ENV } from '../../catalog/modelIds';
import { type ScriptDetector, rangeOf } from '../scriptContext';

/**
 * The Bedrock API-key variable used as a property name: `process.env.AWS_BEARER_TOKEN_BEDROCK`,
 * `const { AWS_BEARER_TOKEN_BEDROCK } = process.env`, `env: { AWS_BEARER_TOKEN_BEDROCK: key }`. Bedrock API keys
 * have no SageMaker counterpart (SigV4 only). The name inside a string is detectStrings' job.
 */
export const detectApiKey: ScriptDetector = {
  name: 'api-key',
  rules: ['bedrock/api-key'],
  kinds: [ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.BindingElement, ts.SyntaxKind.PropertyAssignment],
  detect(node, context) {
    const name = propertyNameOf(node);
    if (!name || !ts.isIdentifier(name) || name.text !== BEDROCK_API_KEY_ENV) return;
    context.report({
      ruleId: 'bedrock/api-key',
      range: rangeOf(name, context.sourceFile),
      message: l10n.t('Bedrock API keys ({0}) do not exist in {1}; SageMaker Runtime accepts only IAM SigV4 credentials from the China account.', BEDROCK_API_KEY_ENV, context.settings.targetRegion),
      data: { name: BEDROCK_API_KEY_ENV },
    });
  },
};

/** The property a node reads or writes: `x.NAME`, `{ NAME } = x` / `{ NAME: y } = x`, `{ NAME: value }`. */
function propertyNameOf(node: ts.Node): ts.Node | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name;
  if (ts.isBindingElement(node)) return ts.isObjectBindingPattern(node.parent) ? node.propertyName ?? node.name : undefined;
  if (ts.isPropertyAssignment(node)) return node.name;
  return undefined;
}

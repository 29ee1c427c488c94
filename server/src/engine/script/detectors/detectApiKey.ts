import * as l10n from '@vscode/l10n';
import ts from 'typescript';
import { BEDROCK_API_KEY_ENV } from '../../catalog/modelIds';
import { type ScriptDetector, rangeOf } from '../context';

/** `process.env.AWS_BEARER_TOKEN_BEDROCK`: Bedrock API keys have no SageMaker counterpart (SigV4 only). */
export const detectApiKey: ScriptDetector = {
  name: 'api-key',
  kinds: [ts.SyntaxKind.PropertyAccessExpression],
  detect(node, context) {
    const access = node as ts.PropertyAccessExpression;
    if (access.name.text !== BEDROCK_API_KEY_ENV) return;
    context.report({
      ruleId: 'bedrock/api-key',
      range: rangeOf(access.name, context.sourceFile),
      message: l10n.t('Bedrock API keys ({0}) do not exist in {1}; SageMaker Runtime accepts only IAM SigV4 credentials from the China account.', BEDROCK_API_KEY_ENV, context.settings.targetRegion),
      data: { name: BEDROCK_API_KEY_ENV },
    });
  },
};

import * as l10n from '@vscode/l10n';
import ts from '../../../typescript';
import { propertyNameText } from '../../script/parse';
import type { FixContext } from '../context';
import { TODO } from '../support/endpointTarget';
import { insertTodoAbove } from '../support/todoComment';
import { lineIndentAt } from '../style';
import { OK, type FixTransform, refuse } from '../transform';

/**
 * Bedrock Runtime clients. SDK v3 class names are renamed with their imports (syncImports); here a Bedrock
 * `endpoint` override is flagged, since it cannot point at SageMaker. SDK v2 `new AWS.BedrockRuntime(...)`
 * becomes `new AWS.SageMakerRuntime(...)`.
 */
export const rewriteClients: FixTransform = {
  name: 'rewrite-clients',
  rules: ['bedrock/runtime-client'],
  check(context, finding) {
    const callee = context.nodeOf(finding);
    const options = callee?.parent && ts.isNewExpression(callee.parent) ? callee.parent.arguments?.[0] : undefined;
    if (options && ts.isObjectLiteralExpression(options) && options.properties.some((property) => propertyNameText(property.name) === 'token')) {
      return refuse(l10n.t('it signs in with a Bedrock API key (the token option), and SageMaker Runtime accepts only IAM SigV4 credentials from the China account'));
    }
    if (finding.data.sdk !== 'v2') return OK;
    return callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'BedrockRuntime'
      ? OK
      : refuse(l10n.t('only the new AWS.BedrockRuntime(...) form of SDK v2 is rewritten'));
  },
  apply(context, findings) {
    for (const finding of findings) {
      const callee = context.nodeOf(finding);
      const construction = callee?.parent;
      if (!callee || !construction || !ts.isNewExpression(construction)) continue;
      if (finding.data.sdk === 'v2' && ts.isPropertyAccessExpression(callee)) context.replace(callee.name, 'SageMakerRuntime');
      const options = construction.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) flagEndpointOverride(context, options);
    }
  },
};

function flagEndpointOverride(context: FixContext, options: ts.ObjectLiteralExpression): void {
  const endpoint = options.properties.find((property) => propertyNameText(property.name) === 'endpoint');
  if (!endpoint) return;
  const note = `${TODO}: ${l10n.t('this endpoint override was for Bedrock; point it at SageMaker Runtime (runtime.sagemaker.{0}.amazonaws.com.cn) or remove it.', context.settings.targetRegion)}`;
  const start = endpoint.getStart(context.sourceFile);
  const onOwnLine = /^\s*$/.test(context.text.slice(context.text.lastIndexOf('\n', start - 1) + 1, start));
  if (onOwnLine) context.insert(start, `// ${note}${context.style.eol}${lineIndentAt(context.text, start)}`);
  else insertTodoAbove(context, options, note.slice(TODO.length + 2));
}

import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import { propertyNameText, skipOuterExpressions, stringValue } from '../../script/parse';
import type { FixContext } from '../fixContext';
import { MIGRATION_TODO as TODO } from '../../catalog/migrationTodo';
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
      if (options && ts.isObjectLiteralExpression(options)) {
        flagEndpointOverride(context, options);
        flagRegionFromCode(context, options);
      }
    }
  },
};

/** A TODO above a Bedrock endpoint override (`endpoint`, or the AI SDK's `baseURL`) among the client options. */
export function flagEndpointOverride(context: FixContext, options: ts.ObjectLiteralExpression, key = 'endpoint'): void {
  const endpoint = options.properties.find((property) => propertyNameText(property.name) === key);
  if (!endpoint) return;
  const note = `${TODO}: ${l10n.t('this endpoint override was for Bedrock; point it at SageMaker Runtime (runtime.sagemaker.{0}.amazonaws.com.cn) or remove it.', context.settings.targetRegion)}`;
  const start = endpoint.getStart(context.sourceFile);
  const onOwnLine = /^\s*$/.test(context.text.slice(context.text.lastIndexOf('\n', start - 1) + 1, start));
  if (onOwnLine) context.insert(start, `// ${note}${context.style.eol}${lineIndentAt(context.text, start)}`);
  else insertTodoAbove(context, options, note.slice(TODO.length + 2));
}

/**
 * A region the code computes (`region: REGION`, `{ region }` from a parameter) cannot be changed here without
 * changing what else uses it; the TODO (a finding until removed) asks for the China region of the endpoint. A
 * literal region is the client-region rule's, and a bare environment variable is deployment configuration.
 */
export function flagRegionFromCode(context: FixContext, options: ts.ObjectLiteralExpression): void {
  const region = options.properties.find((property) => propertyNameText(property.name) === 'region');
  if (!region || !(ts.isPropertyAssignment(region) || ts.isShorthandPropertyAssignment(region))) return;
  const value = ts.isPropertyAssignment(region) ? skipOuterExpressions(region.initializer) : region.name;
  if (isLiteralRegion(value) || isEnvironmentRead(value)) return;
  insertTodoAbove(context, options, l10n.t("this client's region comes from '{0}': make sure it is the China region of your SageMaker endpoint ({1}).", value.getText(context.sourceFile), context.settings.targetRegion));
}

function isLiteralRegion(value: ts.Expression): boolean {
  if (stringValue(value) !== undefined) return true;
  return ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || value.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    && isLiteralRegion(skipOuterExpressions(value.right));
}

/** `process.env.AWS_REGION`, `process.env["AWS_REGION"]`. */
export function isEnvironmentRead(value: ts.Expression): boolean {
  const target = ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) ? value.expression : undefined;
  return target !== undefined && ts.isPropertyAccessExpression(target) && target.name.text === 'env'
    && ts.isIdentifier(target.expression) && target.expression.text === 'process';
}

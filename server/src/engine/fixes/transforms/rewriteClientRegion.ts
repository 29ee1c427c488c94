import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../fixContext';
import { rewritesChatModelAt } from './rewriteLangChain';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';
import { importedNameOf } from '../support/aiSdkUses';

/**
 * `region: "us-east-1"` on a Bedrock Runtime client → the target China region, keeping the quote style. Other
 * Bedrock clients and wrappers keep their region: they have no China endpoint to point at.
 */
export const rewriteClientRegion: FixTransform = {
  name: 'rewrite-client-region',
  rules: ['bedrock/client-region'],
  refusalBlocksFile: false,
  check: verdictFor,
  apply(context, findings) {
    for (const finding of findings) {
      const literal = context.nodeOf(finding);
      // A LangChain chat model's region changes only with the rest of its construction (rewriteLangChain).
      if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) continue;
      if (!isRuntimeClientRegion(context, finding) && !isAiSdkFactoryRegion(context, finding)) continue;
      const quote = literal.getText(context.sourceFile).charAt(0);
      context.replace(literal, `${quote}${context.settings.targetRegion}${quote}`);
    }
  },
};

function verdictFor(context: FixContext, finding: Finding): Verdict {
  // The Vercel AI SDK's createAmazonBedrock({ region }) becomes createSageMaker({ region }) (rewriteAiSdk).
  if (isAiSdkFactoryRegion(context, finding)) return OK;
  // A LangChain chat model the file migration rewrites gets the target region with it (also a fallback literal).
  const owner = regionOwner(context, finding);
  if (owner && rewritesChatModelAt(context, owner)) return OK;
  const callee = constructorOf(context, finding);
  if (!callee) return refuse(l10n.t('the region is not given to a client constructor'));
  return isRuntimeClientRegion(context, finding) ? OK : refuse(l10n.t('only Bedrock Runtime clients move to SageMaker Runtime; this client has no China endpoint'));
}

/** The constructor whose options object, written in place, holds the literal as `region` or as its fallback. */
function constructorOf(context: FixContext, finding: Finding): ts.Expression | undefined {
  const literal = context.nodeOf(finding);
  const property = literal && regionPropertyOf(literal);
  const construction = property?.parent.parent;
  return construction && ts.isNewExpression(construction) ? construction.expression : undefined;
}

/**
 * `region: "us-east-1"`, or `region: process.env.AWS_REGION ?? "us-east-1"` (also `||`, parentheses): the literal is
 * the value the client gets when nothing else is set, so it is the one to point at the target region.
 */
function regionPropertyOf(literal: ts.Node): ts.PropertyAssignment | undefined {
  let node = literal;
  for (;;) {
    const parent = node.parent;
    if (isOuterExpression(parent) && parent.expression === node) node = parent;
    else if (ts.isBinaryExpression(parent) && parent.right === node && isFallbackOperator(parent.operatorToken.kind)) node = parent;
    else return ts.isPropertyAssignment(parent) && parent.initializer === node ? parent : undefined;
  }
}

function isOuterExpression(node: ts.Node): node is ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node);
}

function isFallbackOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken;
}

/** The constructor whose options hold the reported literal: `new X({ region: "..." })` or `new X({ region: a ?? "..." })`. */
function regionOwner(context: FixContext, finding: Finding): ts.Expression | undefined {
  let node = context.nodeOf(finding);
  while (node && !ts.isPropertyAssignment(node) && !ts.isStatement(node)) node = node.parent;
  const construction = node && ts.isPropertyAssignment(node) ? node.parent.parent : undefined;
  return construction && ts.isNewExpression(construction) ? construction.expression : undefined;
}

function isRuntimeClientRegion(context: FixContext, finding: Finding): boolean {
  const callee = constructorOf(context, finding);
  return callee !== undefined && context.findings.some((other) => other.ruleId === 'bedrock/runtime-client'
    && other.range.start === callee.getStart(context.sourceFile) && other.range.end === callee.getEnd());
}

function isAiSdkFactoryRegion(context: FixContext, finding: Finding): boolean {
  const construction = context.nodeOf(finding)?.parent?.parent?.parent;
  return construction !== undefined && ts.isCallExpression(construction) && isAiSdkFactory(context, construction.expression);
}

function isAiSdkFactory(context: FixContext, callee: ts.Expression): boolean {
  return ts.isIdentifier(callee) && importedNameOf(context, callee.text) === 'createAmazonBedrock';
}

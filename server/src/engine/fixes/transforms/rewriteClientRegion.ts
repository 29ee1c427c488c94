import * as l10n from '@vscode/l10n';
import ts from '../../typescript';
import type { Finding } from '../../types';
import type { FixContext } from '../context';
import { OK, type FixTransform, type Verdict, refuse } from '../transform';

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
      if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) || !verdictFor(context, finding).ok) continue;
      const quote = literal.getText(context.sourceFile).charAt(0);
      context.replace(literal, `${quote}${context.settings.targetRegion}${quote}`);
    }
  },
};

function verdictFor(context: FixContext, finding: Finding): Verdict {
  const construction = context.nodeOf(finding)?.parent?.parent?.parent;
  if (!construction || !ts.isNewExpression(construction)) return refuse(l10n.t('the region is not given to a client constructor'));
  const callee = construction.expression;
  const isRuntimeClient = context.findings.some((other) => other.ruleId === 'bedrock/runtime-client'
    && other.range.start === callee.getStart(context.sourceFile) && other.range.end === callee.getEnd());
  return isRuntimeClient ? OK : refuse(l10n.t('only Bedrock Runtime clients move to SageMaker Runtime; this client has no China endpoint'));
}

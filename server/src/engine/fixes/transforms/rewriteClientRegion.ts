import ts from 'typescript';
import type { FixTransform } from '../transform';

/** `region: "us-east-1"` on a Bedrock client → the target China region, keeping the quote style. */
export const rewriteClientRegion: FixTransform = {
  name: 'rewrite-client-region',
  rules: ['bedrock/client-region'],
  apply(context, findings) {
    for (const finding of findings) {
      const literal = context.nodeOf(finding);
      if (!literal || !(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal))) continue;
      const quote = literal.getText(context.sourceFile).charAt(0);
      context.replace(literal, `${quote}${context.settings.targetRegion}${quote}`);
    }
  },
};

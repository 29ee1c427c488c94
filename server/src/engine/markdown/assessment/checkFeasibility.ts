import * as l10n from '@vscode/l10n';
import { type AssessmentContext, fieldRange } from './assessmentContext';
import { servingRules } from '../../servesRules';

const LEVELS = ['HIGH', 'MEDIUM', 'LOW'];

/** `feasibility` is HIGH, MEDIUM or LOW, and not HIGH while the document's own code calls Bedrock. */
export const checkFeasibility = servingRules(['assessment/feasibility'], function checkFeasibility(context: AssessmentContext): void {
  const value = context.frontMatter.data.feasibility;
  const range = fieldRange(context, 'feasibility');
  if (typeof value !== 'string' || !LEVELS.includes(value)) {
    const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
    const fixable = LEVELS.includes(upper);
    context.report({
      ruleId: 'assessment/feasibility', range, fixable,
      message: l10n.t("feasibility is '{0}'; it must be HIGH, MEDIUM or LOW.", String(value ?? '')),
      data: fixable ? { fix: 'replace', replacement: upper } : {},
    });
    return;
  }
  if (value !== 'HIGH' || context.codeFindings.length === 0) return;
  const first = context.document.index.positionOf(context.codeFindings[0].range.start).line + 1;
  context.report({
    ruleId: 'assessment/feasibility', range,
    message: l10n.t('feasibility is HIGH, but the code in this document relies on Bedrock ({0} finding(s), the first on line {1}), which does not exist in {2}. Rate it MEDIUM or LOW, or migrate the code first.', context.codeFindings.length, first, context.settings.targetRegion),
    data: { codeFindings: context.codeFindings.length },
  });
});

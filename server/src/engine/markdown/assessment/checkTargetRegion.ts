import * as l10n from '@vscode/l10n';
import { type AssessmentContext, fieldRange } from './assessmentContext';
import { checkRegion, chinaRegionNamed } from './regions';
import { servingRules } from '../../servesRules';

/** `target_region` is present and names a real AWS region. */
export const checkTargetRegion = servingRules(['assessment/target-region'], function checkTargetRegion(context: AssessmentContext): void {
  const value = context.frontMatter.data.target_region;
  const suggestion = (typeof value === 'string' ? chinaRegionNamed(value) : undefined) ?? context.settings.targetRegion;
  if (value === undefined || value === null || value === '') {
    const missing = !context.frontMatter.fields.has('target_region');
    context.report({
      ruleId: 'assessment/target-region', range: fieldRange(context, 'target_region'), fixable: true,
      message: l10n.t('The assessment does not say which region it targets. Set target_region (e.g. {0}).', suggestion),
      data: missing ? { fix: 'front-matter-insert', line: `target_region: ${suggestion}` } : { fix: 'front-matter-value', key: 'target_region', replacement: suggestion },
    });
    return;
  }
  const text = String(value);
  const check = typeof value === 'string' ? checkRegion(text) : 'malformed';
  if (check === 'known') return;
  context.report({
    ruleId: 'assessment/target-region', range: fieldRange(context, 'target_region'), fixable: true,
    message: check === 'unknown'
      ? l10n.t("'{0}' looks like a region code but is not an AWS region. China regions are cn-north-1 (Beijing) and cn-northwest-1 (Ningxia).", text)
      : l10n.t("'{0}' is not an AWS region code. China regions are cn-north-1 (Beijing) and cn-northwest-1 (Ningxia).", text),
    data: { fix: 'replace', replacement: suggestion },
  });
});

import * as l10n from '@vscode/l10n';
import { type AssessmentContext, fieldRange } from './assessmentContext';
import { type ServiceListKey, findServiceList } from './serviceSections';
import { servingRules } from '../../servesRules';

const KEYS: readonly ServiceListKey[] = ['available_services', 'unavailable_services'];

/** `available_services` / `unavailable_services` and the heading's "(N个)" equal the number of services listed. */
export const checkServiceCounts = servingRules(['assessment/service-count'], function checkServiceCounts(context: AssessmentContext): void {
  for (const key of KEYS) {
    const list = findServiceList(context.document.blocks, key);
    if (!list) continue;
    const heading = list.heading.inline.text.trim();
    const value = context.frontMatter.data[key];
    if (value !== undefined) {
      const declared = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
      if (declared !== list.itemCount) {
        context.report({
          ruleId: 'assessment/service-count', range: fieldRange(context, key), fixable: true,
          message: l10n.t("{0} is {1}, but '{2}' lists {3} service(s).", key, String(value), heading, list.itemCount),
          data: { fix: 'replace', replacement: String(list.itemCount), key, listed: list.itemCount },
        });
      }
    }
    if (list.headingCount && list.headingCount.value !== list.itemCount) {
      context.report({
        ruleId: 'assessment/service-count', range: list.headingCount.range, fixable: true,
        message: l10n.t("The heading '{0}' says {1}, but {2} service(s) are listed under it.", heading, list.headingCount.value, list.itemCount),
        data: { fix: 'replace', replacement: String(list.itemCount), listed: list.itemCount },
      });
    }
  }
});

import * as l10n from '@vscode/l10n';
import type { FixProposal } from '../../fixTypes';
import type { Finding } from '../../types';
import type { MarkdownDocument } from '../parseMarkdown';
import { servingRules } from '../../servesRules';

/**
 * Assessment fixes carry their new text on the finding: `replace` swaps the finding's range (a front matter
 * value, the number in a heading), `front-matter-value` writes the value of a key that has none yet, and
 * `front-matter-insert` adds a key line before the closing `---`.
 */
export const assessmentFix = servingRules(['assessment/target-region', 'assessment/feasibility', 'assessment/service-count', 'assessment/date'], function assessmentFix(document: MarkdownDocument, finding: Finding): FixProposal | undefined {
  const data = finding.data;
  if (data.fix === 'replace' && typeof data.replacement === 'string') {
    return {
      title: l10n.t("Change to '{0}'", data.replacement), kind: 'quickfix', isPreferred: true,
      edits: [{ range: finding.range, newText: data.replacement }],
    };
  }
  const field = typeof data.key === 'string' ? document.frontMatter?.fields.get(data.key) : undefined;
  if (data.fix === 'front-matter-value' && typeof data.replacement === 'string' && field) {
    const at = field.valueRange.start;
    const needsSpace = document.index.text.charAt(at - 1) === ':';
    return {
      title: l10n.t("Set {0} to '{1}'", field.key, data.replacement), kind: 'quickfix', isPreferred: true,
      edits: [{ range: field.valueRange, newText: (needsSpace ? ' ' : '') + data.replacement }],
    };
  }
  if (data.fix === 'front-matter-insert' && typeof data.line === 'string' && document.frontMatter) {
    const at = document.index.starts[document.frontMatter.closeLine];
    return {
      title: l10n.t("Add '{0}'", data.line), kind: 'quickfix', isPreferred: true,
      edits: [{ range: { start: at, end: at }, newText: data.line + document.index.eol }],
    };
  }
  return undefined;
});

import * as l10n from '@vscode/l10n';
import type { FixProposal } from '../../fixes/types';
import type { Finding } from '../../types';
import type { MarkdownDocument } from '../parseMarkdown';

/**
 * Assessment fixes carry their new text on the finding: `replace` swaps the finding's range (a front matter
 * value, the number in a heading), `front-matter-insert` adds a key line before the closing `---`.
 */
export function assessmentFix(document: MarkdownDocument, finding: Finding): FixProposal | undefined {
  const data = finding.data;
  if (data.fix === 'replace' && typeof data.replacement === 'string') {
    return {
      title: l10n.t("Change to '{0}'", data.replacement), kind: 'quickfix', isPreferred: true,
      edits: [{ range: finding.range, newText: data.replacement }],
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
}

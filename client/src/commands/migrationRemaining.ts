import * as vscode from 'vscode';
import type { RemainingFinding } from '../../../shared/reportProtocol';

/** What Migrate Workspace left alone, as a Markdown document with a link to each place. */
export async function showRemaining(remaining: readonly RemainingFinding[]): Promise<void> {
  const lines = [
    `# ${vscode.l10n.t('Left for manual migration ({0})', remaining.length)}`,
    '',
    vscode.l10n.t('Migrate Workspace did not change these: no safe automatic rewrite exists for them. See the rule documentation from each finding in the Problems view.'),
    '',
    ...remaining.map((finding) => {
      const uri = vscode.Uri.parse(finding.uri);
      const line = finding.range.start.line + 1;
      const href = uri.with({ fragment: `L${line}` }).toString();
      return `- [${vscode.workspace.asRelativePath(uri)}:${line}](${href}) \`${finding.ruleId}\` ${finding.message.replace(/[\r\n]+/g, ' ')}`;
    }),
    '',
  ];
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
  await vscode.window.showTextDocument(document, { preview: false });
}

import * as vscode from 'vscode';
import { MigrateWorkspaceRequest, type RemainingFinding } from '../../../shared/reportProtocol';
import type { ServerHandle } from '../client';
import { reportFolderParams } from './reportFolders';
import { sendWithProgress } from './reportRequestWithProgress';
import { explainServerNotRunning } from './serverNotRunning';

/**
 * Migrate Workspace: one WorkspaceEdit with every file's safe fixes. Its changes need confirmation, so VS Code
 * shows the refactor preview (files can be unticked) and the whole migration is one undo step. What the edit
 * leaves alone is listed afterwards in a Markdown document with links to each place.
 */
export function migrateWorkspace(server: ServerHandle) {
  return async (): Promise<void> => {
    const client = server.running;
    if (!client) return explainServerNotRunning();
    const folders = reportFolderParams();
    const result = await sendWithProgress(client, vscode.l10n.t('Bedrock to SageMaker: preparing the workspace migration'),
      (workDoneToken, token) => client.sendRequest(MigrateWorkspaceRequest.type, { folders, workDoneToken }, token));
    if (!result) return;
    if (result.filesChanged === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in the workspace can be migrated automatically.'));
    } else {
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
      if (!await vscode.workspace.applyEdit(edit, { isRefactoring: true })) return;
    }
    if (result.remaining.length > 0) await showRemaining(result.remaining);
  };
}

async function showRemaining(remaining: readonly RemainingFinding[]): Promise<void> {
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

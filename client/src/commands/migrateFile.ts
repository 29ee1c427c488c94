import * as vscode from 'vscode';
import { CodeActionKinds } from '../../../shared/protocol';
import type { ServerHandle } from '../client';
import { explainServerNotRunning } from './serverNotRunning';

/** Applies the server's "Migrate this file" action (the file's fix-all) to the active or given document. */
export function migrateFile(server: ServerHandle) {
  return async (resource?: unknown): Promise<void> => {
    if (!server.running) return explainServerNotRunning();
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a TypeScript, JavaScript or Markdown file to migrate it.'));
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const wholeFile = new vscode.Range(0, 0, document.lineCount, 0);
    // Resolve one action: the server computes the edit lazily in codeAction/resolve.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, wholeFile, CodeActionKinds.migrateFile, 1,
    ) ?? [];
    const action = actions.find((candidate) => candidate.kind?.value === CodeActionKinds.migrateFile);
    if (action?.disabled) {
      void vscode.window.showWarningMessage(action.disabled.reason);
    } else if (!action?.edit || action.edit.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in {0} can be migrated automatically. The remaining findings explain the manual steps.', vscode.workspace.asRelativePath(uri)));
    } else if (!await vscode.workspace.applyEdit(action.edit)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The migration was not applied because {0} changed meanwhile. Try again.', vscode.workspace.asRelativePath(uri)));
    }
  };
}

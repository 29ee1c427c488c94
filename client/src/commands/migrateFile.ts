import * as vscode from 'vscode';
import { type CodeAction, CodeActionRequest, CodeActionResolveRequest, CodeActionTriggerKind, type TextDocumentEdit } from 'vscode-languageclient/node';
import { CodeActionKinds } from '../../../shared/protocol';
import type { ServerHandle } from '../client';
import { explainServerNotRunning } from './serverNotRunning';

/**
 * Applies the server's "Migrate this file" action (the file's fix-all) to the active or given document.
 * Asks our server directly rather than through vscode.executeCodeActionProvider, which drops `disabled`
 * reasons and the document version the edit was computed for.
 */
export function migrateFile(server: ServerHandle) {
  return async (resource?: unknown): Promise<void> => {
    const client = server.running;
    if (!client) return explainServerNotRunning();
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a TypeScript, JavaScript or Markdown file to migrate it.'));
    const document = await vscode.workspace.openTextDocument(uri);
    const offered = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
      range: client.code2ProtocolConverter.asRange(new vscode.Range(0, 0, document.lineCount, 0)),
      context: { diagnostics: [], only: [CodeActionKinds.migrateFile], triggerKind: CodeActionTriggerKind.Invoked },
    });
    const action = offered?.find((item): item is CodeAction => 'kind' in item && item.kind === CodeActionKinds.migrateFile);
    if (!action) {
      return void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in {0} can be migrated automatically.', vscode.workspace.asRelativePath(uri)));
    }
    const resolved = action.disabled ? action : await client.sendRequest(CodeActionResolveRequest.type, action);
    if (!resolved.edit) {
      return void vscode.window.showWarningMessage(resolved.disabled?.reason ?? vscode.l10n.t('The migration could not be computed; see the output channel.'));
    }
    // vscode.WorkspaceEdit carries no versions, so check here that the text is still the one the edit was made for.
    const ownEdit = resolved.edit.documentChanges?.find((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === action.data?.uri);
    if (ownEdit && ownEdit.textDocument.version !== document.version) {
      return void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed while the migration was computed. Try again.', vscode.workspace.asRelativePath(uri)));
    }
    if (!await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(resolved.edit))) return;
    // As VS Code does for an applied code action: its command saves the files the edit created.
    if (resolved.command) await vscode.commands.executeCommand(resolved.command.command, ...(resolved.command.arguments ?? []));
  };
}

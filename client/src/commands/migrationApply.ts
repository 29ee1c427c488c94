import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { MigrateWorkspaceResult } from '../../../shared/reportProtocol';
import type { MigrationChoice } from './migrationChoice';
import { selectMigration } from './migrationSelection';
import { DirtyDocuments } from './saveMigratedDocuments';

/**
 * Applies the chosen part of the migration as one WorkspaceEdit (one undo step), then saves what it changed
 * and created, so closed files end up migrated on disk. Not applied as a refactoring: VS Code's
 * `files.refactoring.autoSave` would also save documents that had unsaved changes. False when nothing was applied.
 */
export async function applyMigration(client: LanguageClient, result: MigrateWorkspaceResult, choice: MigrationChoice): Promise<boolean> {
  const selection = selectMigration(result, choice);
  if (!selection) {
    void vscode.window.showInformationMessage(vscode.l10n.t('None of the given files can be migrated automatically.'));
    return false;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(selection.edit);
  const dirtyBefore = DirtyDocuments.snapshot();
  if (!await vscode.workspace.applyEdit(edit)) {
    // From the preview, false means the user cancelled or ticked nothing; otherwise an open file moved on.
    if (choice.mode !== 'preview') {
      void vscode.window.showWarningMessage(vscode.l10n.t('The migration was not applied: a file changed while it was computed. Run Migrate Workspace again.'));
    }
    return false;
  }
  await dirtyBefore.saveEdited(selection.uris);
  return true;
}

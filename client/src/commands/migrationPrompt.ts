import * as vscode from 'vscode';
import type { MigrateWorkspaceResult } from '../../../shared/reportProtocol';
import type { MigrationChoice } from './migrationChoice';

/**
 * Asks how to apply the computed migration: a modal with its summary and Migrate All / Choose Files… /
 * Preview Changes… (and Cancel). Undefined when the user cancels.
 */
export async function askHowToMigrate(result: MigrateWorkspaceResult): Promise<MigrationChoice | undefined> {
  const migrateAll = vscode.l10n.t('Migrate All');
  const chooseFiles = vscode.l10n.t('Choose Files…');
  const preview = vscode.l10n.t('Preview Changes…');
  const summary = vscode.l10n.t('Files changed: {0}\nFiles created: {1}\nFindings fixed: {2}\nLeft for manual migration: {3}',
    result.filesChanged, result.filesCreated.length, result.fixedFindings, result.remaining.length)
    // The server's sentences (already localized): the install command after a package.json change.
    + (result.notes ?? []).map((note) => `\n${note}`).join('');
  // VS Code 1.100 starts changes that need confirmation unticked in its preview; say so before the user is there.
  const how = vscode.l10n.t('Migrate All applies every change as one undo step and saves the changed files (files with unsaved changes are left for you to save). Choose Files… applies only the files you pick, with the files they need. In Preview Changes…, every file starts unticked: tick the files to apply, then press Apply.');
  const picked = await vscode.window.showInformationMessage(vscode.l10n.t('Migrate the workspace to SageMaker Runtime?'),
    { modal: true, detail: `${summary}\n\n${how}` }, migrateAll, chooseFiles, preview);
  if (picked === migrateAll) return { mode: 'all' };
  if (picked === preview) return { mode: 'preview' };
  if (picked !== chooseFiles) return undefined;
  const uris = await pickFiles(result);
  return uris && { mode: 'files', uris };
}

interface FileItem extends vscode.QuickPickItem {
  uri: string;
}

/** Every changed file, all ticked at first; undefined when the user escapes or unticks them all. */
async function pickFiles(result: MigrateWorkspaceResult): Promise<string[] | undefined> {
  const items = result.files.map((file): FileItem => ({
    uri: file.uri,
    label: file.label,
    description: file.fixedFindings === 1 ? vscode.l10n.t('1 finding fixed') : vscode.l10n.t('{0} findings fixed', file.fixedFindings),
    detail: file.requires.length > 0
      ? vscode.l10n.t('Also creates {0}', file.requires.map((uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri))).join(', '))
      : undefined,
    picked: true,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true, ignoreFocusOut: true, matchOnDescription: true,
    title: vscode.l10n.t('Files to migrate'), placeHolder: vscode.l10n.t('Untick the files to leave as they are'),
  });
  return picked && picked.length > 0 ? picked.map((item) => item.uri) : undefined;
}

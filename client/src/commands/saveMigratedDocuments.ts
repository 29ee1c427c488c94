import * as vscode from 'vscode';
import { loadedDocument } from './loadedDocument';

/**
 * Which documents had unsaved changes (and at which version) before an edit. Saving after the edit must not
 * write out a user's unfinished work, and a closed file the edit changed must end up on disk.
 */
export class DirtyDocuments {
  private constructor(private readonly versions: ReadonlyMap<string, number>) {}

  static snapshot(): DirtyDocuments {
    return new DirtyDocuments(new Map(vscode.workspace.textDocuments.filter(hasUnsavedChanges).map((d) => [d.uri.toString(), d.version])));
  }

  /**
   * Saves the given documents that the edit made dirty. Those that were dirty before and that the edit changed
   * are left unsaved and named in a message, as are documents that could not be saved.
   */
  async saveEdited(uris: readonly string[]): Promise<void> {
    const documents = (await Promise.all(uris.map(loadedDocument))).filter((d): d is vscode.TextDocument => d !== undefined);
    const userChanged = documents.filter((d) => this.versions.has(d.uri.toString()));
    const editedByUs = documents.filter((d) => d.isDirty && !this.versions.has(d.uri.toString()));
    const failed = (await Promise.all(editedByUs.map(async (d) => ((await d.save()) ? undefined : d)))).filter((d) => d !== undefined);
    const leftUnsaved = userChanged.filter((d) => d.version !== this.versions.get(d.uri.toString()));
    if (leftUnsaved.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Migrated in the editor but not saved, because they had unsaved changes: {0}. Review them and save.', names(leftUnsaved)));
    }
    if (failed.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Migrated but could not be saved: {0}.', names(failed)));
  }
}

function names(documents: readonly vscode.TextDocument[]): string {
  return documents.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
}

/**
 * Each open document's version when it was last opened or saved. A later version holds changes that are not on
 * disk even before VS Code flags the document dirty: the flag reaches the extension host after the change itself,
 * so an edit made just before a migration could otherwise be taken for one of ours and saved.
 */
const versionOnDisk = new Map<string, number>();

export function trackVersionsOnDisk(): vscode.Disposable {
  const record = (d: vscode.TextDocument) => versionOnDisk.set(d.uri.toString(), d.version);
  for (const d of vscode.workspace.textDocuments) if (!d.isDirty) record(d);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(record),
    vscode.workspace.onDidSaveTextDocument(record),
    vscode.workspace.onDidCloseTextDocument((d) => versionOnDisk.delete(d.uri.toString())),
  );
}

function hasUnsavedChanges(d: vscode.TextDocument): boolean {
  const saved = versionOnDisk.get(d.uri.toString());
  return d.isDirty || (saved !== undefined && saved !== d.version);
}

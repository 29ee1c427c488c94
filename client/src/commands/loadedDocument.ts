import * as vscode from 'vscode';

/**
 * The document as the editor holds it, unsaved content included (a file an edit just created or changed may
 * not have reached `workspace.textDocuments` yet); undefined when there is no such file.
 */
export async function loadedDocument(uri: string): Promise<vscode.TextDocument | undefined> {
  const parsed = vscode.Uri.parse(uri);
  const known = vscode.workspace.textDocuments.find((document) => document.uri.toString() === parsed.toString());
  return known ?? Promise.resolve(vscode.workspace.openTextDocument(parsed)).catch(() => undefined);
}

import * as vscode from 'vscode';
import { loadedDocument } from './loadedDocument';

/**
 * `bedrockToSagemaker.saveCreatedFiles`, the command of the code actions whose edit creates files (the Converse
 * adapter). VS Code runs it after applying the edit; on save (`editor.codeActionsOnSave`) it leaves created
 * files as unsaved editors, so the saved program would import a file that is empty on disk. Saves the given
 * documents that are dirty; harmless when they are saved already, closed, or were never created. A last argument
 * `{ note }` is what the user must still do (the server's words, localised there): shown once the files are saved.
 */
export function saveCreatedFiles() {
  return async (...args: unknown[]): Promise<void> => {
    const documents = await Promise.all(args.filter((uri): uri is string => typeof uri === 'string').map(loadedDocument));
    await Promise.all(documents.map((document) => (document?.isDirty ? document.save() : undefined)));
    for (const arg of args) {
      if (isNote(arg)) void vscode.window.showWarningMessage(arg.note);
    }
  };
}

function isNote(arg: unknown): arg is { note: string } {
  return typeof arg === 'object' && arg !== null && typeof (arg as { note?: unknown }).note === 'string';
}

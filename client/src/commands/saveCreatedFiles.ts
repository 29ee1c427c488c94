import { loadedDocument } from './loadedDocument';

/**
 * `bedrockToSagemaker.saveCreatedFiles`, the command of the code actions whose edit creates files (the Converse
 * adapter). VS Code runs it after applying the edit; on save (`editor.codeActionsOnSave`) it leaves created
 * files as unsaved editors, so the saved program would import a file that is empty on disk. Saves the given
 * documents that are dirty; harmless when they are saved already, closed, or were never created.
 */
export function saveCreatedFiles() {
  return async (...uris: unknown[]): Promise<void> => {
    const documents = await Promise.all(uris.filter((uri): uri is string => typeof uri === 'string').map(loadedDocument));
    await Promise.all(documents.map((document) => (document?.isDirty ? document.save() : undefined)));
  };
}

import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WRAPPER_MODULE_IMPORTS, dependencyEdits } from '../engine/packageJson';
import type { PackageContext } from '../engine/project/packageContext';
import type { DocumentStore } from './documentStore';
import { toLspRange } from './offsets';
import { WorkspaceFolders } from './workspaceFolders';

/**
 * The package.json edit that goes with migrating one script file ("Migrate this file", fix-all): the SageMaker
 * Runtime client added beside the Bedrock Runtime client of the file's package, so the migrated file's import
 * installs. Removing the Bedrock client is left to Migrate Workspace and `scan --fix`, which see every file.
 * Undefined when the package lists no Bedrock Runtime client, already lists SageMaker Runtime, or has no
 * readable package.json. An open package.json is edited as it is in the editor (versioned).
 */
export function packageJsonCompanionEdit(
  folders: WorkspaceFolders, documents: DocumentStore, documentUri: string, packageContext: PackageContext | undefined, langChain = false,
): TextDocumentEdit | undefined {
  const folder = folders.folderFor(documentUri);
  if (!folder || !packageContext) return undefined;
  const uri = WorkspaceFolders.resolve(folder, posix.join(packageContext.root, 'package.json'));
  if (!uri || !uri.startsWith('file:')) return undefined;
  const open = documents.get(uri);
  let text: string;
  try {
    // A closed file is edited as VS Code will load it: without its byte order mark.
    text = open ? open.getText() : readFileSync(fileURLToPath(uri), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
  const edits = dependencyEdits(text, { addSageMakerRuntime: true, removable: [], ...(langChain ? { wrapperNeeds: WRAPPER_MODULE_IMPORTS } : {}) });
  if (edits.length === 0) return undefined;
  const document = open ?? TextDocument.create(uri, 'json', 0, text);
  return TextDocumentEdit.create({ uri, version: open ? open.version : null }, edits.map((edit) => TextEdit.replace(toLspRange(document, edit.range), edit.newText)));
}

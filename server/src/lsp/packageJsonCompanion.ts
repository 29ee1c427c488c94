import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocumentEdit, TextEdit, type WorkspaceFolder } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SAGEMAKER_RUNTIME_PACKAGE, WRAPPER_MODULE_IMPORTS, dependencyEdits } from '../engine/packageJson';
import { enclosingRoots, listedPackages } from '../engine/project/dependencyProviders';
import type { PackageContext } from '../engine/project/packageContext';
import { escapeControl } from '../formats/terminalText';
import { PackageContexts } from '../workspace/packageContexts';
import { isConfinedSync } from '../workspace/safeWrite';
import type { MigratedImports } from '../engine/project/dependencyMigration';
import { type MissingDependencies, unscannedPackageJsons } from '../workspace/unscannedPackageJsons';
import type { DocumentStore } from './documentStore';
import { toLspRange } from './offsets';
import { WorkspaceFolders } from './workspaceFolders';

/**
 * The package.json edit that goes with migrating one script file ("Migrate this file", fix-all): the SageMaker
 * Runtime client added beside the Bedrock Runtime client of the package.json that provides it to the file (its own,
 * or one above it in the workspace folder: a monorepo's root may list what its packages use), so the migrated file's
 * import installs. Removing the Bedrock client is left to Migrate Workspace and `scan --fix`, which see every file.
 * Undefined when a package.json with nothing to add that lists SageMaker Runtime comes first, when none lists a
 * Bedrock package the edit could go beside, or none is readable. An open package.json is edited as it is in the
 * editor (versioned).
 */
export function packageJsonCompanionEdit(
  folders: WorkspaceFolders, documents: DocumentStore, documentUri: string, packageContext: PackageContext | undefined, langChain = false,
): TextDocumentEdit | undefined {
  const folder = folders.folderFor(documentUri);
  if (!folder || !packageContext) return undefined;
  const options = { addSageMakerRuntime: true, removable: [], ...(langChain ? { wrapperNeeds: WRAPPER_MODULE_IMPORTS } : {}) };
  // The nearest package.json that lists what the migrated file needs already, or the Bedrock package beside which it goes.
  for (const root of enclosingRoots(packageContext.root)) {
    const packageJson = packageJsonAt(folder, documents, root);
    if (!packageJson) continue;
    const edits = dependencyEdits(packageJson.text, options);
    if (edits.length === 0) {
      if (listedPackages(packageJson.text).has(SAGEMAKER_RUNTIME_PACKAGE)) return undefined;
      continue;
    }
    const { uri, open } = packageJson;
    const document = open ?? TextDocument.create(uri, 'json', 0, packageJson.text);
    return TextDocumentEdit.create({ uri, version: open ? open.version : null }, edits.map((edit) => TextEdit.replace(toLspRange(document, edit.range), edit.newText)));
  }
  return undefined;
}

/**
 * When no package.json in the workspace folder takes the edit: the one above the folder that provides the file's
 * Bedrock package (a workspace folder opened on a package of a monorepo) and what it lacks once the file is migrated,
 * said to the user (nothing outside the folder is written). Undefined when none lacks anything.
 */
export function packageJsonOutsideNote(folders: WorkspaceFolders, documentUri: string, imports: MigratedImports): string | undefined {
  const folder = folders.folderFor(documentUri);
  if (!folder || !documentUri.startsWith('file:') || !folder.uri.startsWith('file:')) return undefined;
  try {
    const root = fileURLToPath(folder.uri);
    const file = fileURLToPath(documentUri);
    const packages = new PackageContexts(root);
    const [missing] = unscannedPackageJsons(new Map([[file, imports]]), (path) => packages.enclosingPackageJsons(path), (path) => isConfinedSync(root, path));
    return missing && outsideFolderNote(missing);
  } catch {
    return undefined;
  }
}

/** What a package.json outside the workspace folder lacks for the migrated code, as Migrate Workspace and "Migrate this file" say it. */
export function outsideFolderNote({ packageJson, missing }: MissingDependencies): string {
  return l10n.t('{0} is outside the workspace folder, so the migration does not change it, but the code it migrates imports {1}, which it does not list: add it (npm install {1}).', escapeControl(packageJson), missing.join(' '));
}

/** The package.json in `root` of the folder, as it is in the editor when open; undefined when there is none to read. */
function packageJsonAt(folder: WorkspaceFolder, documents: DocumentStore, root: string): { uri: string; text: string; open: TextDocument | undefined } | undefined {
  const uri = WorkspaceFolders.resolve(folder, posix.join(root, 'package.json'));
  if (!uri || !uri.startsWith('file:')) return undefined;
  const open = documents.get(uri);
  try {
    // A closed file is edited as VS Code will load it: without its byte order mark.
    return { uri, open, text: open ? open.getText() : readFileSync(fileURLToPath(uri), 'utf8').replace(/^\uFEFF/, '') };
  } catch {
    return undefined;
  }
}

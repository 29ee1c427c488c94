import * as l10n from '@vscode/l10n';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { isScriptLanguage } from '../engine/languages';
import { refineFixability, type FixInput } from '../engine/fixes';
import { type GroupCandidate, heldBackFiles, movesWithItsGroup } from '../engine/project/migrationGroups';
import type { EngineSettings, Finding } from '../engine/types';
import { EventLoopTurns } from '../report/io';
import { DEFAULT_MAX_FILE_SIZE_BYTES, walkSourceFiles } from '../workspace';
import { ReadBuffer, readSourceFileSync } from '../workspace/readSourceFile';
import { PackageContexts } from '../workspace/packageContexts';
import { engineLanguageOf } from './documentLanguage';
import type { DocumentStore } from './documentStore';
import { WorkspaceFolders } from './workspaceFolders';

/** More script files than this in one package and "Migrate this file" stops: Migrate Workspace and `scan --fix` see them all. */
export const MAX_PACKAGE_SCRIPT_FILES = 2000;

export type GroupDecision =
  /** The file may migrate on its own (it shares no Bedrock client or type with a file that cannot migrate). */
  | { kind: 'alone' }
  /** It exchanges Bedrock clients or types with a file that cannot migrate: why, naming that file. */
  | { kind: 'heldBack'; reason: string }
  /** The package could not be checked. */
  | { kind: 'unchecked'; reason: string };

/**
 * The group check of "Migrate this file" / source.fixAll (run on the explicit resolve only, never per keystroke):
 * reads the other script files of the document's package (nearest package.json; open documents as they are in the
 * editor, others from disk), refines each file's fixability and asks migrationGroups whether the document is held
 * back with a file it exchanges Bedrock clients or types with. Bounded by MAX_PACKAGE_SCRIPT_FILES.
 */
export async function checkPackageGroup(
  folders: WorkspaceFolders, documents: DocumentStore, document: TextDocument, input: FixInput, findings: readonly Finding[], settings: EngineSettings,
): Promise<GroupDecision> {
  if (!isScriptLanguage(input.languageId) || !findings.some(movesWithItsGroup)) return { kind: 'alone' };
  const folder = folders.folderFor(document.uri);
  const ownPath = input.workspaceRelativePath;
  if (!folder || !folder.uri.startsWith('file:') || !document.uri.startsWith('file:') || ownPath === undefined) return { kind: 'alone' };
  const folderRoot = fileURLToPath(folder.uri);
  try {
    if (!statSync(folderRoot).isDirectory()) return { kind: 'alone' };
  } catch {
    return { kind: 'alone' };
  }
  const packages = new PackageContexts(folderRoot);
  const packageRoot = input.packageContext?.root ?? packages.contextOf(fileURLToPath(document.uri)).root;
  const candidates: GroupCandidate[] = [{ path: ownPath, text: input.text, findings }];
  let scripts = 0;
  // Read blocking, in turn, as the report reads (a fraction of the thread-pool round trips of an asynchronous read),
  // with the event loop given a turn every 10 ms so that the server keeps answering.
  const turns = new EventLoopTurns();
  const buffer = new ReadBuffer();
  for await (const entry of walkSourceFiles({ roots: [join(folderRoot, packageRoot)], cwd: folderRoot })) {
    await turns.maybeYield();
    if (entry.kind !== 'file' || entry.relativePath === ownPath) continue;
    const uri = WorkspaceFolders.resolve(folder, entry.relativePath);
    const open = uri ? documents.get(uri) : undefined;
    const languageId = open ? engineLanguageOf(open.languageId, open.uri) : undefined;
    if (open ? !languageId || !isScriptLanguage(languageId) : !/\.(?:[cm]?[jt]sx?)$/i.test(entry.relativePath) || /\.d\.[cm]?ts$/i.test(entry.relativePath)) continue;
    const context = packages.contextOf(entry.absolutePath);
    if (context.root !== packageRoot) continue; // a nested package is a package of its own
    if (++scripts > MAX_PACKAGE_SCRIPT_FILES) {
      return { kind: 'unchecked', reason: l10n.t('its package has more than {0} script files, too many to check which files exchange Bedrock clients or types with it; use Migrate Workspace or `scan --fix`, which migrate such files together', MAX_PACKAGE_SCRIPT_FILES) };
    }
    let text: string;
    let fileLanguage = languageId;
    if (open) text = open.getText();
    else {
      const source = readSourceFileSync(entry, { maxFileSizeBytes: DEFAULT_MAX_FILE_SIZE_BYTES }, buffer);
      if (source.kind !== 'source' || !isScriptLanguage(source.languageId)) continue;
      text = source.text;
      fileLanguage = source.languageId;
    }
    // Only files that use Bedrock Runtime can be members of a group.
    if (!/bedrock/i.test(text) || !fileLanguage) continue;
    const fileInput: FixInput = { text, languageId: fileLanguage, settings, fileName: entry.relativePath, workspaceRelativePath: entry.relativePath, packageContext: context };
    const analysis = analyze(fileInput, { maxLength: DEFAULT_MAX_FILE_SIZE_BYTES });
    if (analysis.skipped || analysis.findings.length === 0) continue;
    candidates.push({ path: entry.relativePath, text, findings: refineFixability(fileInput, analysis.findings) });
  }
  const reason = heldBackFiles(candidates).get(ownPath);
  return reason === undefined ? { kind: 'alone' } : { kind: 'heldBack', reason };
}

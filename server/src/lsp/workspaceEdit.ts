import * as l10n from '@vscode/l10n';
import { CreateFile, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixProposal } from '../engine/fixTypes';
import { toLspRange } from './offsets';
import { WorkspaceFolders } from './workspaceFolders';
import type { WorkspaceFolder } from 'vscode-languageserver';

/** What decides whether a fix that adds files may be turned into an edit. */
export interface FileCreationContext {
  /** The client can apply versioned `documentChanges` with `create` operations. */
  canCreateFiles: boolean;
  isTrusted: boolean;
  /** The workspace folder of the document being fixed; created files are relative to it. */
  folder: WorkspaceFolder | undefined;
  exists(uri: string): boolean | undefined;
  /** The file would land outside the folder once symbolic links are followed (workspace/safeWrite.ts rules). */
  leavesFolder?(uri: string): boolean;
}

export type EditOrRefusal = { edit: WorkspaceEdit } | { refused: string };

/**
 * A fix proposal as one WorkspaceEdit: created files first (each a `CreateFile` plus the insertion of its
 * content), then the document's minimal edits as a TextDocumentEdit pinned to the analysed version, so the
 * editor refuses it if the user typed in between.
 */
export function toWorkspaceEdit(proposal: FixProposal, document: TextDocument, context: FileCreationContext): EditOrRefusal {
  const changes: WorkspaceEdit['documentChanges'] = [];
  for (const file of proposal.createFiles ?? []) {
    const refusal = creationRefusal(context, file.path);
    if (refusal) return { refused: refusal };
    const uri = WorkspaceFolders.resolve(context.folder!, file.path);
    if (!uri || context.leavesFolder?.(uri)) return { refused: l10n.t('The fix would create {0}, which is outside the workspace folder.', file.path) };
    const exists = context.exists(uri);
    if (exists === undefined) return { refused: l10n.t('Cannot tell whether {0} already exists in this workspace.', file.path) };
    if (exists && file.ifMissing) continue; // written by an earlier fix; keep the user's copy
    changes.push(CreateFile.create(uri, exists ? { overwrite: true } : { ignoreIfExists: true }));
    changes.push(TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, file.content)]));
  }
  const edits = proposal.edits.map((edit) => TextEdit.replace(toLspRange(document, edit.range), edit.newText));
  if (edits.length > 0) changes.push(TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits));
  return { edit: { documentChanges: changes } };
}

function creationRefusal(context: FileCreationContext, path: string): string | undefined {
  if (!context.isTrusted) return l10n.t('This fix creates {0}. Files are not created in Restricted Mode; trust the workspace to apply it.', path);
  if (!context.canCreateFiles) return l10n.t('This fix creates {0}, but the editor cannot create files through the language server.', path);
  if (!context.folder) return l10n.t('This fix creates {0} in the workspace folder; open the file inside a workspace folder to apply it.', path);
  return undefined;
}

import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient/node';
import type { MigrateWorkspaceResult } from '../../../shared/reportProtocol';
import type { MigrationChoice } from './migrationChoice';

/** The part of the server's edit to apply, and the files it changes or creates (to save afterwards). */
export interface MigrationSelection {
  edit: WorkspaceEdit;
  uris: string[];
}

/**
 * Narrows the server's edit to the chosen files plus the created files they need (the adapter they import).
 * The server marks every change as needing confirmation, which opens the refactor preview; a direct apply
 * turns that off. Undefined when none of the chosen files is in the migration.
 */
export function selectMigration(result: MigrateWorkspaceResult, choice: MigrationChoice): MigrationSelection | undefined {
  if (choice.mode === 'preview') return { edit: result.edit, uris: allUris(result) };
  if (choice.mode === 'all') return { edit: withoutConfirmation(result.edit), uris: allUris(result) };
  const chosen = new Set(choice.uris.map(canonical));
  const files = result.files.filter((file) => chosen.has(canonical(file.uri)));
  if (files.length === 0) return undefined;
  const kept = new Set(files.flatMap((file) => [file.uri, ...file.requires]));
  const documentChanges = (result.edit.documentChanges ?? []).filter((change) => kept.has(changedUri(change)));
  return { edit: withoutConfirmation({ ...result.edit, documentChanges }), uris: [...kept] };
}

function allUris(result: MigrateWorkspaceResult): string[] {
  return [...result.filesCreated, ...result.files.map((file) => file.uri)];
}

/** URIs as VS Code prints them, so a `file:///c:/…` from a keybinding matches the server's `file:///c%3A/…`. */
function canonical(uri: string): string {
  return vscode.Uri.parse(uri).toString();
}

type DocumentChange = NonNullable<WorkspaceEdit['documentChanges']>[number];

function changedUri(change: DocumentChange): string {
  if ('textDocument' in change) return change.textDocument.uri;
  return change.kind === 'rename' ? change.newUri : change.uri;
}

function withoutConfirmation(edit: WorkspaceEdit): WorkspaceEdit {
  const annotations = Object.entries(edit.changeAnnotations ?? {}).map(([id, annotation]) => [id, { ...annotation, needsConfirmation: false }]);
  return { ...edit, changeAnnotations: Object.fromEntries(annotations) };
}

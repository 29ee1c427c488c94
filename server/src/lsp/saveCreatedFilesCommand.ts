import * as l10n from '@vscode/l10n';
import type { Command, WorkspaceEdit } from 'vscode-languageserver';
import { Commands } from '../../../shared/protocol';

/**
 * The client command a code action carries when its edit creates files. VS Code runs an action's command
 * after applying its edit, also for `editor.codeActionsOnSave`, where it does not save the files an edit
 * creates: without this the saved program imports an adapter that exists only in an unsaved editor.
 * `note`: what the user must still do once the edit is applied (a package.json outside the workspace folder lacks the
 * migrated code's package); the client shows it after saving, as the last argument `{ note }`.
 * Undefined when the edit creates nothing and there is nothing to say.
 */
export function saveCreatedFilesCommand(edit: WorkspaceEdit, note?: string): Command | undefined {
  const created = (edit.documentChanges ?? []).flatMap((change) => ('kind' in change && change.kind === 'create' ? [change.uri] : []));
  // A closed package.json the edit changes is opened by VS Code with only our change: save it with the rest.
  const packageJsons = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.version === null
    && change.textDocument.uri.endsWith('/package.json') && !created.includes(change.textDocument.uri) ? [change.textDocument.uri] : []));
  const args: unknown[] = [...created, ...packageJsons, ...(note !== undefined ? [{ note }] : [])];
  if (args.length === 0) return undefined;
  return { title: l10n.t('Save the files the fix created'), command: Commands.saveCreatedFiles, arguments: args };
}

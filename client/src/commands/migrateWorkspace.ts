import * as vscode from 'vscode';
import { MigrateWorkspaceRequest } from '../../../shared/reportProtocol';
import type { ServerHandle } from '../client';
import { applyMigration } from './migrationApply';
import { migrationChoiceFromArgument } from './migrationChoice';
import { askHowToMigrate } from './migrationPrompt';
import { showRemaining } from './migrationRemaining';
import { reportFolderParams } from './reportFolders';
import { sendWithProgress } from './reportRequestWithProgress';
import { explainServerNotRunning } from './serverNotRunning';

/**
 * Migrate Workspace: the server computes every file's safe fixes as one WorkspaceEdit; a modal summarises it and
 * offers Migrate All, Choose Files… or Preview Changes… (an `{ apply }` argument skips the modal, see
 * migrationChoice.ts). The applied files are saved, and what the edit leaves alone is listed afterwards in a
 * Markdown document with links to each place.
 */
export function migrateWorkspace(server: ServerHandle) {
  return async (argument?: unknown): Promise<void> => {
    const client = server.running;
    if (!client) return explainServerNotRunning();
    const preset = migrationChoiceFromArgument(argument);
    const folders = reportFolderParams();
    const result = await sendWithProgress(client, vscode.l10n.t('Bedrock to SageMaker: preparing the workspace migration'),
      (workDoneToken, token) => client.sendRequest(MigrateWorkspaceRequest.type, { folders, workDoneToken }, token));
    if (!result) return;
    if (result.filesChanged === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in the workspace can be migrated automatically.'));
    } else {
      const choice = preset ?? await askHowToMigrate(result);
      if (!choice || !await applyMigration(client, result, choice)) return;
    }
    if (result.remaining.length > 0) await showRemaining(result.remaining);
  };
}

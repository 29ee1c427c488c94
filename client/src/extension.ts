// VS Code entry point. Thin on purpose: commands, status and document gating here; analysis in the server.
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../shared/protocol';
import { ServerHandle } from './client';
import { registerCommands } from './commands';
import { trackVersionsOnDisk } from './commands/saveMigratedDocuments';
import { createStatusItem } from './status';

let server: ServerHandle | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Bedrock to SageMaker'), { log: true });
  server = new ServerHandle(context, output);
  // Commands and status come first, so they can explain a server that failed to start.
  context.subscriptions.push(output, server, registerCommands(server, output), createStatusItem(server), trackVersionsOnDisk());
  context.subscriptions.push(
    // Trust and the size gate are fixed when documents are synced; a restart applies the new values.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(output)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CONFIG_SECTION}.maxFileSizeKb`)) void restart(output);
    }),
  );
  // Not awaited: activation should not wait for the server process (seconds on a busy machine). Failures are
  // logged by ServerHandle, and the status item offers a restart.
  server.start().catch(() => undefined);
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}

async function restart(output: vscode.LogOutputChannel): Promise<void> {
  try {
    await server?.restart();
  } catch (error) {
    output.error(`Restart failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

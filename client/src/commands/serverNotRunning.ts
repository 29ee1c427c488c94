import * as vscode from 'vscode';
import { Commands } from '../../../shared/protocol';

/** Said by every command that needs the server when it is not running, with the two ways out. */
export async function explainServerNotRunning(): Promise<void> {
  const restart = vscode.l10n.t('Restart Server');
  const output = vscode.l10n.t('Show Output');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The Bedrock to SageMaker language server is not running. Open a TypeScript, JavaScript or Markdown file to start it, or restart it; the output channel shows why it stopped.'),
    restart, output,
  );
  if (choice === restart) await vscode.commands.executeCommand(Commands.restartServer);
  if (choice === output) await vscode.commands.executeCommand(Commands.showOutput);
}

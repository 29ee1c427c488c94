import * as vscode from 'vscode';
import type { ServerHandle } from '../client';

export function restartServer(server: ServerHandle, output: vscode.OutputChannel) {
  return async (): Promise<void> => {
    try {
      await server.restart();
    } catch {
      const show = vscode.l10n.t('Show Output');
      if (await vscode.window.showErrorMessage(vscode.l10n.t('The Bedrock to SageMaker language server could not be restarted.'), show) === show) output.show(true);
    }
  };
}

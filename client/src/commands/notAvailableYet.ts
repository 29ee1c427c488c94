import * as vscode from 'vscode';

/** Workspace-wide commands are declared now so keybindings and menus are stable; they land in a later release. */
export function notAvailableYet(title: string) {
  return (): void => {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not available yet in this version of Bedrock to SageMaker.', title));
  };
}

import * as vscode from 'vscode';

/**
 * Opens a rule's documentation. The "Explain this finding" quick fix passes the rule id and its doc URL
 * (the server owns the rule catalog); only https links are opened.
 */
export function explainRule() {
  return async (ruleId?: unknown, docUrl?: unknown): Promise<void> => {
    if (typeof docUrl === 'string' && docUrl.startsWith('https://')) {
      await vscode.env.openExternal(vscode.Uri.parse(docUrl));
      return;
    }
    void vscode.window.showInformationMessage(typeof ruleId === 'string'
      ? vscode.l10n.t('No documentation link is known for rule {0}.', ruleId)
      : vscode.l10n.t('Use "Explain this finding" from the quick fixes (Ctrl+.) of a Bedrock finding.'));
  };
}

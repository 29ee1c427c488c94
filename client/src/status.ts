import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../../shared/protocol';
import { ANALYSED_DOCUMENT_SELECTOR, type ServerHandle } from './client';
import { readClientSettings } from './settings';

const ENDPOINT_VALIDATION_CODE = 'bedrock/endpoint-validation';

/**
 * The language status item of our five languages: "Bedrock: 3 · cn-northwest-1" for the active document,
 * or a warning with a restart action when the server is not running.
 */
export function createStatusItem(server: ServerHandle): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('bedrockToSagemaker.status', ANALYSED_DOCUMENT_SELECTOR);
  item.name = vscode.l10n.t('Bedrock to SageMaker');
  const update = () => render(item, server, vscode.window.activeTextEditor?.document);
  update();
  return vscode.Disposable.from(
    item,
    server.onDidChangeState(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('bedrockToSagemaker.targetRegion')) update();
    }),
  );
}

function render(item: vscode.LanguageStatusItem, server: ServerHandle, document: vscode.TextDocument | undefined): void {
  if (!server.running) {
    item.text = vscode.l10n.t('Bedrock: not running');
    item.detail = vscode.l10n.t('The Bedrock to SageMaker language server is not running');
    item.severity = vscode.LanguageStatusSeverity.Warning;
    item.command = { title: vscode.l10n.t('Restart'), command: Commands.restartServer };
    return;
  }
  const count = document ? findingCount(document.uri) : 0;
  const region = readClientSettings(document?.uri ?? null).targetRegion;
  item.text = vscode.l10n.t('Bedrock: {0} · {1}', count, region);
  item.detail = vscode.l10n.t('Bedrock findings in this file · target region');
  item.severity = count > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = count > 0
    ? { title: vscode.l10n.t('Migrate file'), command: Commands.migrateFile }
    : { title: vscode.l10n.t('Show output'), command: Commands.showOutput };
}

/** Our diagnostics that are Bedrock findings (not "file skipped" notes, not the endpoint validation of a connect). */
function findingCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return diagnostic.source === DIAGNOSTIC_SOURCE && typeof code === 'string' && code.includes('/') && !code.startsWith('skipped/') && code !== ENDPOINT_VALIDATION_CODE;
  }).length;
}

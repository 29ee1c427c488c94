import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../../shared/protocol';
import { GenerateReportRequest, type GenerateReportParams, REPORT_FILE_NAME, REPORT_FOLDER, type ReportFormat } from '../../../shared/reportProtocol';
import type { ServerHandle } from '../client';
import { reportFolderParams } from './reportFolders';
import type { ReportProblems } from './reportProblems';
import { sendWithProgress } from './reportRequestWithProgress';
import { explainServerNotRunning } from './serverNotRunning';

/**
 * Generate Migration Report: the server scans every folder and writes `.bedrock-to-sagemaker/migration-report.md`
 * in the first folder (a file, so its relative links resolve and the team can share it); the command opens it
 * with its preview and, unless turned off, puts the findings of closed files in the Problems view.
 */
export function generateReport(server: ServerHandle, problems: ReportProblems) {
  return async (): Promise<void> => {
    const client = server.running;
    if (!client) return explainServerNotRunning();
    const first = vscode.workspace.workspaceFolders?.[0];
    if (!first || first.uri.scheme !== 'file') return noLocalFolder();
    const outputUri = vscode.Uri.joinPath(first.uri, REPORT_FOLDER, REPORT_FILE_NAME);
    const showProblems = vscode.workspace.getConfiguration(CONFIG_SECTION, first.uri).get<boolean>('report.problems', true);
    const params: GenerateReportParams = {
      workspaceName: vscode.workspace.name ?? first.name,
      folders: reportFolderParams(),
      format: 'markdown',
      outputUri: outputUri.toString(),
      includeProblems: showProblems,
    };
    await server.fileEventsDelivered();
    const result = await sendWithProgress(client, vscode.l10n.t('Bedrock to SageMaker: generating the migration report'),
      (workDoneToken, token) => client.sendRequest(GenerateReportRequest.type, { ...params, workDoneToken }, token));
    if (!result) return;
    if (showProblems) await problems.show(client, result.problems ?? []);
    else problems.clear();
    await vscode.window.showTextDocument(outputUri, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', outputUri);
  };
}

/** Export Migration Report as JSON / SARIF: the same scan, saved where the user chooses. */
export function exportReport(server: ServerHandle, format: Exclude<ReportFormat, 'markdown'>) {
  return async (): Promise<void> => {
    const client = server.running;
    if (!client) return explainServerNotRunning();
    const first = vscode.workspace.workspaceFolders?.[0];
    if (!first || first.uri.scheme !== 'file') return noLocalFolder();
    const extension = format === 'json' ? 'json' : 'sarif';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(first.uri, REPORT_FOLDER, `migration-report.${extension}`),
      filters: { [format === 'json' ? 'JSON' : 'SARIF 2.1.0']: [extension] },
    });
    if (!target) return;
    if (target.scheme !== 'file') {
      void vscode.window.showWarningMessage(vscode.l10n.t('The report can only be saved on the local disk.'));
      return;
    }
    const params: GenerateReportParams = {
      workspaceName: vscode.workspace.name ?? first.name, folders: reportFolderParams(), format, outputUri: target.toString(),
      // The save dialog asked before replacing an existing file.
      overwrite: true,
    };
    await server.fileEventsDelivered();
    const result = await sendWithProgress(client, vscode.l10n.t('Bedrock to SageMaker: exporting the migration report'),
      (workDoneToken, token) => client.sendRequest(GenerateReportRequest.type, { ...params, workDoneToken }, token));
    if (!result) return;
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Saved {0} findings in {1} files to {2}.', result.findings, result.filesScanned, vscode.workspace.asRelativePath(target)), open,
    );
    if (choice === open) await vscode.window.showTextDocument(target);
  };
}

function noLocalFolder(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder on the local disk to generate the migration report.'));
}

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONFIG_SECTION } from '../../../shared/protocol';
import type { FileProblems } from '../../../shared/reportProtocol';

/**
 * The report's findings of files that are not open, in the Problems view. They describe the files as they
 * were when the report ran, so an entry goes away when its file is opened (live diagnostics take over) or
 * changes on disk, and all of them go when the workspace folders or our settings change, or on "Clear Report
 * Problems".
 */
export class ReportProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bedrock-to-sagemaker-report');
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    // The files the report scans (server/src/workspace/languages.ts).
    const watchers = ['**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx,md,markdown}', '**/package.json'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    const forget = (uri: vscode.Uri) => this.collection.delete(uri);
    this.subscriptions = [
      ...watchers.flatMap((watcher) => [watcher, watcher.onDidChange(forget), watcher.onDidCreate(forget), watcher.onDidDelete(forget)]),
      vscode.workspace.onDidOpenTextDocument((document) => forget(document.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.clear()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CONFIG_SECTION)) this.clear();
      }),
    ];
  }

  async show(client: LanguageClient, problems: readonly FileProblems[]): Promise<void> {
    this.collection.clear();
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    for (const file of problems) {
      const uri = client.protocol2CodeConverter.asUri(file.uri);
      if (open.has(uri.toString())) continue;
      this.collection.set(uri, await client.protocol2CodeConverter.asDiagnostics(file.diagnostics));
    }
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.clear();
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

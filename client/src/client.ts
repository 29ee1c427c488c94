import * as vscode from 'vscode';
import {
  DiagnosticPullMode, LanguageClient, type LanguageClientOptions, type Middleware, type ServerOptions, State, TransportKind, vsdiag,
} from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, ENDPOINT_SETTINGS_FILTERS, EXTENSION_ID, type InitializationOptions, PACKAGE_JSON_FILTER, SUPPORTED_LANGUAGE_IDS } from '../../shared/protocol';
import { SERVER_EXEC_ARGV } from '../../shared/serverProcess';
import { DocumentGate, skipReason } from './documentGate';
import { FileEventsInFlight } from './fileEventsInFlight';
import { readClientSettings, readLanguageSetting } from './settings';

/** file and untitled documents of the five languages we analyse. */
export const ANALYSED_DOCUMENT_SELECTOR: Array<{ scheme: string; language: string; pattern?: string }> = [
  ...SUPPORTED_LANGUAGE_IDS.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  // Saved package.json files only (an untitled document has no file name). No activation event comes with it:
  // `onLanguage:json` would start the server for every JSON file of any project, and `workspaceContains` would
  // search the workspace at start-up. A project with Bedrock dependencies has TypeScript, JavaScript or Markdown
  // files, which activate the extension; the client then syncs the package.json documents already open.
  { scheme: 'file', ...PACKAGE_JSON_FILTER },
];

/** What the server gets: the analysed documents, and the settings files the endpoint validation marks. */
export const DOCUMENT_SELECTOR = [
  ...ANALYSED_DOCUMENT_SELECTOR,
  ...ENDPOINT_SETTINGS_FILTERS.map((filter) => ({ scheme: 'file', ...filter })),
];

/**
 * Owns the LanguageClient: start, restart and stop, and tells listeners when it starts or stops so the
 * status item and commands can explain a server that is not running.
 */
export class ServerHandle implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly gate = new DocumentGate();
  private readonly fileEvents = new FileEventsInFlight();
  private readonly stateChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeState = this.stateChanged.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

  /** The client when it is running, else undefined. */
  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  async start(): Promise<void> {
    if (this.client) return;
    this.gate.clear();
    const client = new LanguageClient(EXTENSION_ID, vscode.l10n.t('Bedrock to SageMaker'), this.serverOptions(), this.clientOptions());
    this.client = client;
    client.onDidChangeState(() => this.stateChanged.fire());
    try {
      await client.start();
    } catch (error) {
      this.output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      this.client = undefined;
      this.stateChanged.fire();
      throw error;
    }
  }

  /** Resolves once the file events seen so far have reached the server (a report then knows about those files). */
  fileEventsDelivered(): Promise<void> {
    return this.fileEvents.delivered();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.fileEvents.clear();
    if (client?.needsStop()) await client.stop();
    this.stateChanged.fire();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
  }

  private serverOptions(): ServerOptions {
    const module = this.context.asAbsolutePath('server/out/server.js');
    return {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
  }

  private clientOptions(): LanguageClientOptions {
    const initializationOptions: InitializationOptions = {
      locale: vscode.env.language, language: readLanguageSetting(), isTrusted: vscode.workspace.isTrusted,
    };
    return {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      initializationOptions,
      diagnosticPullOptions: {
        onChange: true,
        onSave: true,
        // `run: onSave` keeps typing quiet: skip the pulls triggered by changes, keep those on open and save.
        filter: (document, mode) => mode === DiagnosticPullMode.onType && readClientSettings(document.uri).run === 'onSave',
      },
      middleware: this.middleware(),
    };
  }

  private middleware(): Middleware {
    const gate = this.gate;
    const fileEvents = this.fileEvents;
    return {
      didOpen: (document, next) => (gate.admit(document) ? next(document) : Promise.resolve()),
      didChange: (event, next) => (gate.isSynced(event.document) ? next(event) : Promise.resolve()),
      didSave: (document, next) => (gate.isSynced(document) ? next(document) : Promise.resolve()),
      didClose: (document, next) => (gate.release(document) ? next(document) : Promise.resolve()),
      // The client pulls for every matching document; answer for the ones the server never received.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        if (!(document instanceof vscode.Uri) && !gate.isSynced(document)) {
          return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: skippedDiagnostics(document) };
        }
        return completeReport(await next(document, previousResultId, token), token);
      },
      // Send no values: the server pulls what it needs per resource (and values could be sensitive).
      workspace: {
        didChangeConfiguration: (_sections, next) => next(undefined),
        didChangeWatchedFile: (event, next) => fileEvents.track(next(event)),
      },
    };
  }
}

/**
 * vscode-languageclient 11 converts diagnostics in time-sliced batches and stops when the pull is cancelled,
 * returning an array with holes that it then publishes (VS Code shows `null` diagnostics, and the next pull
 * answers "unchanged"). Reporting the cancellation instead makes the client discard it and pull again.
 */
function completeReport(report: vsdiag.DocumentDiagnosticReport | null | undefined, token: vscode.CancellationToken) {
  const items = report?.kind === vsdiag.DocumentDiagnosticReportKind.full ? report.items as Array<vscode.Diagnostic | undefined> : [];
  if (token.isCancellationRequested || items.includes(undefined)) throw new vscode.CancellationError();
  return report;
}

function skippedDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  const reason = skipReason(document);
  if (reason?.kind !== 'too-large') return [];
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    vscode.l10n.t('Bedrock to SageMaker did not analyse this file: it is larger than bedrockToSagemaker.maxFileSizeKb ({0} KB).', reason.limitKb),
    vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = 'skipped/too-large';
  return [diagnostic];
}

// A minimal LSP client for protocol-level tests: spawns the bundled server over stdio, answers
// `workspace/configuration` per scopeUri from an in-memory settings table, and turns server-initiated
// events (diagnostic refresh, log messages) into promises tests can await. No sleeps anywhere.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  type ClientCapabilities, type CodeAction, CodeActionRequest, CodeActionResolveRequest, ConfigurationRequest, type Diagnostic,
  DiagnosticRefreshRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  type DocumentDiagnosticReport, DocumentDiagnosticRequest, ExitNotification, InitializedNotification, type InitializeResult,
  InitializeRequest, LogMessageNotification, type ProtocolConnection, type Range, RegistrationRequest, ShutdownRequest,
  type WorkspaceFolder, createProtocolConnection, CancellationTokenSource, IPCMessageReader, IPCMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { FindingsRequest, type FindingsResult, type InitializationOptions } from '../../shared/protocol';
import { ensureServerBuilt } from './lspServerBuild';

/** Settings as VS Code would return them for the `bedrockToSagemaker` section. */
export type Settings = Record<string, unknown>;

export interface StartOptions {
  folders?: WorkspaceFolder[];
  /** Settings per folder URI; '*' applies everywhere (folders override it). */
  settings?: Record<string, Settings>;
  initializationOptions?: InitializationOptions;
  /** Replaces parts of the default (VS Code-like) client capabilities. */
  capabilities?: ClientCapabilities;
  /** Node options for the server process (the benchmark profiles with `--cpu-prof`). */
  execArgv?: string[];
  /** Environment variables added to the server process's (e.g. the work counters' test hook). */
  env?: Record<string, string>;
  /** How messages travel: over stdin/stdout (default), or over Node's IPC channel, as the extension starts the server. */
  transport?: 'stdio' | 'ipc';
  /** What the server prints to stdout (IPC transport only: over stdio, stdout carries the protocol). */
  onStdout?: (chunk: string) => void;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: {
      disabledSupport: true, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
    },
  },
};

export class LspTestClient {
  readonly logs: string[] = [];
  readonly configurationRequests: Array<{ scopeUri?: string; section?: string }> = [];
  readonly registrations: string[] = [];
  private readonly versions = new Map<string, number>();
  /** Per document, the last full report's result id and items, as VS Code keeps them (sent back as `previousResultId`). */
  private readonly reports = new Map<string, { resultId?: string; items: Diagnostic[] }>();
  /** How many pulls of `diagnosticItems` the server answered "unchanged" (the benchmark reports it). */
  unchangedReports = 0;
  private refreshWaiters: Array<() => void> = [];
  private refreshCount = 0;
  private configurationGate: Promise<void> | undefined;
  private configurationWaiters: Array<{ scopeUri: string; resolve: () => void }> = [];
  private settings: Record<string, Settings>;
  private stderr = '';
  initializeResult!: InitializeResult;

  private constructor(private readonly child: ChildProcess, readonly connection: ProtocolConnection, options: StartOptions) {
    this.settings = { ...(options.settings ?? {}) };
    child.stderr?.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    const onStdout = options.onStdout;
    if (onStdout && options.transport === 'ipc') child.stdout?.on('data', (chunk: Buffer) => onStdout(chunk.toString()));
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      const gate = this.configurationGate;
      this.configurationRequests.push(...params.items.map(({ scopeUri, section }) => ({ scopeUri, section })));
      const asked = new Set(params.items.map((item) => item.scopeUri));
      this.configurationWaiters = this.configurationWaiters.filter((waiter) => !(asked.has(waiter.scopeUri) && (waiter.resolve(), true)));
      if (gate) await gate;
      return params.items.map((item) => this.configurationFor(item.scopeUri, item.section));
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshCount++;
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    connection.onNotification(LogMessageNotification.type, (params) => { this.logs.push(params.message); });
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const serverPath = await ensureServerBuilt();
    const ipc = options.transport === 'ipc';
    const child = spawn(process.execPath, [...(options.execArgv ?? []), serverPath, ipc ? '--node-ipc' : '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])], env: { ...process.env, ...options.env },
    });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(child.stdout!, child.stdin!);
    const client = new LspTestClient(child, connection, options);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.folders?.[0]?.uri ?? null,
      workspaceFolders: options.folders ?? null,
      capabilities: { ...DEFAULT_CAPABILITIES, ...(options.capabilities ?? {}) },
      initializationOptions: options.initializationOptions ?? { locale: 'en', isTrusted: true },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get isAlive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get serverStderr(): string {
    return this.stderr;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.reports.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces `range` with `text`, as VS Code sends a keystroke; returns the new version. */
  async changeRange(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.reports.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  diagnostics(uri: string, previousResultId?: string, token?: CancellationTokenSource): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }, token?.token);
  }

  /**
   * The document's diagnostics as VS Code holds them: pulled with the last result id, so an "unchanged" report
   * keeps the items of the last full one (which may be objects of an older version, as in the editor).
   */
  async diagnosticItems(uri: string): Promise<Diagnostic[]> {
    const kept = this.reports.get(uri);
    const report = await this.diagnostics(uri, kept?.resultId);
    if (report.kind === 'unchanged') {
      if (!kept || report.resultId !== kept.resultId) throw new Error(`"unchanged" for ${uri} without a report of result id ${report.resultId}`);
      this.unchangedReports++;
      return kept.items;
    }
    this.reports.set(uri, { resultId: report.resultId, items: report.items });
    return report.items;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((item): item is CodeAction => 'title' in item && !('command' in item && typeof item.command === 'string'));
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  findings(uri: string): Promise<FindingsResult | null> {
    return this.connection.sendRequest(FindingsRequest.type, { uri });
  }

  /** Replaces the settings of one folder ('*' for all) and tells the server, like VS Code does. */
  async updateSettings(scope: string, settings: Settings): Promise<void> {
    this.settings[scope] = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async changeWorkspaceFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added, removed } });
  }

  /** Resolves at the next `workspace/diagnostic/refresh` the server sends after this call. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  get refreshes(): number {
    return this.refreshCount;
  }

  /** Resolves when the server next asks for the settings of `scopeUri`. */
  nextConfigurationRequest(scopeUri: string): Promise<void> {
    return new Promise((resolve) => this.configurationWaiters.push({ scopeUri, resolve }));
  }

  /** Holds every `workspace/configuration` reply until the returned function is called. */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.configurationGate = new Promise((resolve) => { release = resolve; });
    return () => {
      this.configurationGate = undefined;
      release();
    };
  }

  async stop(): Promise<void> {
    if (!this.isAlive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      await exited;
      this.connection.dispose();
    }
  }

  private configurationFor(scopeUri: string | undefined, section: string | undefined): unknown {
    const settings = this.effectiveSettings(scopeUri);
    if (!section || section === 'bedrockToSagemaker') return settings;
    return settings[section.slice('bedrockToSagemaker.'.length)];
  }

  private effectiveSettings(scopeUri: string | undefined): Settings {
    const folder = Object.keys(this.settings)
      .filter((key) => key !== '*' && scopeUri !== undefined && scopeUri.startsWith(key.endsWith('/') ? key : `${key}/`))
      .sort((a, b) => b.length - a.length)[0];
    return { ...(this.settings['*'] ?? {}), ...(folder ? this.settings[folder] : {}) };
  }
}

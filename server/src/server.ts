// Language server entry point: creates the connection and wires capabilities to the handlers in ./lsp.
// Analysis lives in ./engine and knows nothing about LSP; everything here is glue.
import {
  combineFeatures, createConnection, DidChangeConfigurationNotification, ProposedFeatures, StreamMessageReader, TextDocuments,
} from 'vscode-languageserver/node';
import { DocumentEdits } from './lsp/documentEdits';
import { documentFixAll, documentFixesForFinding } from './engine/documentFixes';
import { refineFixability } from './engine/fixes';
import { initPythonParser } from './engine/python/pythonParser';
import { CONFIG_SECTION, FindingsRequest } from '../../shared/protocol';
import { connectionStrategy } from './lsp/cancelUndispatched';
import { serverCapabilities } from './lsp/capabilities';
import { createCodeActionHandler, type CodeActionDependencies } from './lsp/codeActions';
import { createCodeActionResolveHandler } from './lsp/codeActionResolve';
import { createDiagnosticsHandler } from './lsp/diagnostics';
import { DiagnosticReports } from './lsp/diagnosticReports';
import { DocumentAnalyzer } from './lsp/documentAnalyzer';
import { engineFileName } from './lsp/documentName';
import { DocumentSettingsCache } from './lsp/documentSettings';
import { Environment } from './lsp/environment';
import { type ErrorLog, logError } from './lsp/errors';
import { fileExists, leavesFolder } from './lsp/fileExistence';
import { createFindingsHandler } from './lsp/findingsRequest';
import { applyLocale } from './lsp/locale';
import { installProcessGuards } from './lsp/processGuards';
import { registerReportHandlers } from './lsp/reportHandlers';
import { readSession, type Session } from './lsp/session';
import { packageContextOf } from './lsp/packageContextOf';
import { packageJsonCompanionEdit, packageJsonOutsideNote } from './lsp/packageJsonCompanion';
import { checkPackageGroup } from './lsp/packageGroup';
import { HeldBackDocuments } from './lsp/heldBackDocuments';
import { WorkspaceFolders } from './lsp/workspaceFolders';
import { registerWorkCountsRequest } from './lsp/workCountsRequest';
import { endpointDiagnostics, EndpointInventoryStore } from './lsp/endpointDiagnostics';
import { ownStdio, SingleWriteMessageWriter } from './lsp/stdioTransport';
import { traceLevelFeature } from './lsp/traceLevel';

// `--stdio`: one write per message (SingleWriteMessageWriter); the other transports as the library opens them.
const stdio = process.argv.includes('--stdio');
const features = combineFeatures(ProposedFeatures.all, { __brand: 'features', tracer: traceLevelFeature });
const connection = stdio
  ? createConnection(features, new StreamMessageReader(process.stdin), new SingleWriteMessageWriter(process.stdout), { connectionStrategy })
  : createConnection(features, { connectionStrategy });
if (stdio) ownStdio(connection);
const documentEdits = new DocumentEdits();
const documents = new TextDocuments(documentEdits);
const folders = new WorkspaceFolders();
const log: ErrorLog = { error: (message) => connection.console.error(message), warn: (message) => connection.console.warn(message) };
installProcessGuards(log);

let session: Session;
const heldBack = new HeldBackDocuments();
const diagnosticReports = new DiagnosticReports();
const endpointInventory = new EndpointInventoryStore();
const settings = new DocumentSettingsCache(
  (scopeUri, section) => (session.configuration ? connection.workspace.getConfiguration({ scopeUri, section }) : Promise.resolve(undefined)),
  (error) => logError(log, 'workspace/configuration', error),
);
const analyzer = new DocumentAnalyzer({
  fileNameOf: (uri) => engineFileName(uri, folders),
  workspaceRelativePathOf: (uri) => folders.relativePath(uri),
  refineFindings: refineFixability,
  changeTo: (uri, text) => documentEdits.changeTo(uri, text),
});
const environment = new Environment({
  settings, analyzer, log,
  get displayLanguage() { return session.displayLanguage; },
  readLanguageSetting: () => (session.configuration ? connection.workspace.getConfiguration({ section: `${CONFIG_SECTION}.language` }) : Promise.resolve(undefined)),
  refreshDiagnostics: () => (session.diagnosticRefresh ? connection.languages.diagnostics.refresh() : Promise.resolve()),
});

connection.onInitialize((params) => {
  session = readSession(params);
  folders.reset(params.workspaceFolders);
  applyLocale(session.languageSetting, session.displayLanguage);
  return { capabilities: serverCapabilities(), serverInfo: { name: 'bedrock-to-sagemaker' } };
});

connection.onInitialized(() => {
  // Python fences in Markdown need the tree-sitter grammar (async to load); re-pull once it is ready.
  void initPythonParser().then(() => environment.engineChanged()).catch((error) => logError(log, 'loading the Python grammar', error));
  if (session.configurationChangeRegistration) {
    // Registering with our section makes the client filter to our keys; the server then pulls per resource.
    void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION })
      .catch((error) => logError(log, 'registering for configuration changes', error));
  }
  if (session.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders.apply(event);
      reportFileEvents.environmentChanged();
      void environment.workspaceFoldersChanged();
    });
  }
  void reportFileEvents.watch(connection, session.watchedFilesRegistration);
});

connection.onDidChangeConfiguration(() => {
  reportFileEvents.environmentChanged();
  void environment.configurationChanged();
});
documents.onDidSave((event) => reportFileEvents.saved(event.document.uri));

documents.onDidClose((event) => {
  settings.delete(event.document.uri);
  analyzer.forget(event.document.uri);
  documentEdits.forget(event.document.uri);
  heldBack.forget(event.document.uri);
  diagnosticReports.forget(event.document.uri);
});

const codeActionDependencies: CodeActionDependencies = {
  documents, settings, analyzer, log,
  fixes: { fixesForFinding: documentFixesForFinding, fixAll: documentFixAll },
  get session() { return session; },
  fileCreation: (document) => ({
    canCreateFiles: session.createFiles,
    isTrusted: session.isTrusted,
    folder: folders.folderFor(document.uri),
    exists: (uri) => fileExists(uri, (candidate) => documents.get(candidate) !== undefined),
    leavesFolder: (uri) => leavesFolder(folders.folderFor(document.uri), uri),
  }),
  workspaceRelativePath: (uri) => folders.relativePath(uri),
  packageContext: (uri) => packageContextOf(folders, uri),
  packageGroup: (document, input, findings, engineSettings) => checkPackageGroup(folders, documents, document, input, findings, engineSettings),
  packageJsonEdit: (documentUri, packageContext, langChain) => packageJsonCompanionEdit(folders, documents, documentUri, packageContext, langChain),
  packageJsonNote: (documentUri, imports) => packageJsonOutsideNote(folders, documentUri, imports),
  heldBack: {
    documents: heldBack,
    // The result id of a held-back version differs, so a re-pull answers with the reason.
    changed: () => {
      if (session.diagnosticRefresh) connection.languages.diagnostics.refresh().catch((error) => logError(log, 'diagnostics refresh', error));
    },
  },
};

connection.languages.diagnostics.on(createDiagnosticsHandler({
  documents, settings, analyzer, log,
  tracing: () => connection.tracer.tracing,
  trace: (message) => connection.tracer.log(message),
  environmentGeneration: () => environment.generation,
  heldBack,
  reports: diagnosticReports,
  endpointDiagnostics: (document, engineSettings) => endpointDiagnostics(document, engineSettings, endpointInventory.current),
}));
connection.onCodeAction(createCodeActionHandler(codeActionDependencies));
connection.onCodeActionResolve(createCodeActionResolveHandler(codeActionDependencies));
connection.onRequest(FindingsRequest.type, createFindingsHandler({ documents, settings, analyzer, log }));
registerWorkCountsRequest(connection);
const reportFileEvents = registerReportHandlers(connection, {
  documents, log, session: () => session,
  // A connect refreshes the endpoint validation of every open document (new generation, then a re-pull).
  endpointsDiscovered: (inventory) => {
    endpointInventory.set(inventory);
    void environment.engineChanged();
  },
});

documents.listen(connection);
connection.listen();

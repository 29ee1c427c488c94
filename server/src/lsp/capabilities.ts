import { CodeActionKind, type ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { CodeActionKinds, DIAGNOSTIC_PROVIDER_ID } from '../../../shared/protocol';

export function serverCapabilities(): ServerCapabilities {
  return {
    // `save` makes the client send didSave, which drives the pull in `run: onSave` mode.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    // Pull model: the client asks per document; we never push. Findings depend on one file only.
    diagnosticProvider: { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: false, workspaceDiagnostics: false },
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.fixAll, CodeActionKinds.migrateFile],
      resolveProvider: true,
    },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

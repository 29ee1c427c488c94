import type { InitializeParams } from 'vscode-languageserver';
import type { InitializationOptions } from '../../../shared/protocol';

/** What the server learned in `initialize` and keeps for the session: client abilities and trust. */
export interface Session {
  /** The client answers `workspace/configuration` (else every document gets the defaults). */
  readonly configuration: boolean;
  /** The client sends `workspace/didChangeWorkspaceFolders` (multi-root). */
  readonly workspaceFolders: boolean;
  /** The client can be told to re-pull diagnostics (`workspace/diagnostic/refresh`). */
  readonly diagnosticRefresh: boolean;
  /** The client accepts `didChangeConfiguration` registrations, needed to hear about setting changes. */
  readonly configurationChangeRegistration: boolean;
  /** The client watches files for the server when asked to (`workspace/didChangeWatchedFiles` registration). */
  readonly watchedFilesRegistration: boolean;
  /** Versioned `documentChanges` with `create` operations: required for fixes that add a file. */
  readonly createFiles: boolean;
  /** The client shows `CodeAction.disabled` reasons instead of hiding actions. */
  readonly disabledActions: boolean;
  /** Workspace trust, reported by the client. Untrusted: analyse, but never create files. */
  readonly isTrusted: boolean;
  readonly displayLanguage: string | undefined;
  readonly languageSetting: unknown;
}

export function readSession(params: InitializeParams): Session {
  const capabilities = params.capabilities;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  return {
    configuration: capabilities.workspace?.configuration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configurationChangeRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    createFiles: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create'),
    disabledActions: capabilities.textDocument?.codeAction?.disabledSupport === true,
    // Missing flag: an older or non-VS Code client that has no trust model; behave as trusted.
    isTrusted: options.isTrusted !== false,
    displayLanguage: options.locale ?? params.locale,
    languageSetting: options.language,
  };
}

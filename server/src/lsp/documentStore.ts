import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The open documents as handlers see them; `TextDocuments` in the server, a Map in tests. */
export interface DocumentStore {
  get(uri: string): TextDocument | undefined;
}

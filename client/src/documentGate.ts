import * as vscode from 'vscode';
import { readClientSettings } from './settings';

export type SkipReason = { kind: 'dependency' } | { kind: 'too-large'; limitKb: number };

/**
 * Decides which documents reach the server. The decision is made once, at open, and sticks until close:
 * flipping mid-session would send changes for a document the server never saw (or skip changes of one it has).
 */
export class DocumentGate {
  private readonly synced = new Set<string>();

  /** Called on open: true (and remembered) when the document should be synced. */
  admit(document: vscode.TextDocument): boolean {
    if (skipReason(document)) return false;
    this.synced.add(document.uri.toString());
    return true;
  }

  isSynced(document: vscode.TextDocument): boolean {
    return this.synced.has(document.uri.toString());
  }

  /** Called on close: true when the server had the document (so it must hear about the close). */
  release(document: vscode.TextDocument): boolean {
    return this.synced.delete(document.uri.toString());
  }

  clear(): void {
    this.synced.clear();
  }
}

/** Why a document is not analysed: installed dependencies are not the user's code; huge files block the server. */
export function skipReason(document: vscode.TextDocument): SkipReason | undefined {
  if (document.uri.path.split('/').includes('node_modules')) return { kind: 'dependency' };
  const { maxFileSizeKb } = readClientSettings(document.uri);
  // Text length in UTF-16 units approximates the size without reading the file again.
  if (document.getText().length > maxFileSizeKb * 1024) return { kind: 'too-large', limitKb: maxFileSizeKb };
  return undefined;
}

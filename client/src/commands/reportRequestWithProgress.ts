import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { type LanguageClient, LSPErrorCodes, ResponseError, WorkDoneProgress } from 'vscode-languageclient/node';

/** Sends the request with the given work-done token, cancelled by `token`. */
export type ProgressRequest<R> = (workDoneToken: string, token: vscode.CancellationToken) => Promise<R>;

/**
 * Runs a long request under a progress notification with a Cancel button. The server's work-done progress
 * messages ("1,234 files scanned") show in the notification; Cancel cancels the request. Undefined when the
 * user cancelled.
 */
export function sendWithProgress<R>(client: LanguageClient, title: string, send: ProgressRequest<R>): Promise<R | undefined> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = randomUUID();
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind !== 'end' && value.message) progress.report({ message: value.message });
    });
    try {
      return await send(workDoneToken, token);
    } catch (error) {
      if (token.isCancellationRequested || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled)) return undefined;
      throw error;
    } finally {
      listener.dispose();
    }
  }));
}

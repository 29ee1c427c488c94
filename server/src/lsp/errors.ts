import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where server errors go: `connection.console` in production, an array in tests. */
export interface ErrorLog {
  error(message: string): void;
  warn(message: string): void;
}

/** The reply for a request the client cancelled (or whose document moved on) while we worked. */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * Logs a failed request without its inputs: messages and stacks only, never settings values (an endpoint
 * map or a pasted credential could be in there).
 */
export function logError(log: ErrorLog, what: string, error: unknown): void {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  log.error(`[bedrock-to-sagemaker] ${what} failed: ${detail}`);
}

/**
 * Runs a request handler so a bug never kills the server: cancellation passes through, anything else is
 * logged and answered with `fallback`. `what` may be a function: a request served on every keystroke then
 * builds its description only when it fails.
 */
export async function guarded<T>(log: ErrorLog, what: string | (() => string), fallback: () => T, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    logError(log, typeof what === 'string' ? what : what(), error);
    return fallback();
  }
}

/**
 * Runs a request handler whose failure the client must hear about (the report, Migrate Workspace): a
 * ResponseError (cancelled, InvalidParams, a refused write) passes through; anything else is logged with its
 * stack on the server and answered RequestFailed with one line, never the stack.
 */
export async function reported<T>(log: ErrorLog, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    logError(log, what, error);
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ResponseError(LSPErrorCodes.RequestFailed, `${what} failed: ${detail}`);
  }
}

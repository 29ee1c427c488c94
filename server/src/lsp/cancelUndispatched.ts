import { LSPErrorCodes, type Message, type ResponseMessage, type ConnectionStrategy } from 'vscode-languageserver';

// Requests whose answer is worthless once cancelled: the client has already asked again for a newer version.
const DROPPABLE = new Set(['textDocument/diagnostic', 'textDocument/codeAction', 'codeAction/resolve']);

/**
 * Answers a cancelled request that is still queued without running it, so a burst of typing does not leave a
 * backlog of analyses of versions nobody will look at.
 */
export const connectionStrategy: ConnectionStrategy = {
  cancelUndispatched(message: Message, next: (message: Message) => ResponseMessage | undefined): ResponseMessage | undefined {
    const request = message as { method?: string; id?: number | string | null };
    if (typeof request.method === 'string' && DROPPABLE.has(request.method) && request.id !== undefined) {
      return { jsonrpc: '2.0', id: request.id, error: { code: LSPErrorCodes.RequestCancelled, message: 'request cancelled before it started' } };
    }
    return next(message);
  },
};

import * as vscode from 'vscode';

// Generous: a shared 2-core CI machine can be loaded many times over, and the first wait includes starting
// the language server. Waits end as soon as their condition holds, so only a failing run pays for this.
export const DEFAULT_TIMEOUT_MS = 45_000;

/**
 * Resolves with the first truthy value of `probe`, re-checked whenever one of `events` fires and on a
 * short poll as a safety net; rejects after `timeoutMs` with `what` and the last value seen.
 */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: { events?: vscode.Event<unknown>[]; timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<T>((resolve, reject) => {
    let finished = false;
    let lastError: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (action: () => void) => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      action();
    };
    const check = async () => {
      try {
        const value = await probe();
        if (value) finish(() => resolve(value as T));
      } catch (error) {
        lastError = error;
      }
    };
    for (const event of options.events ?? []) subscriptions.push(event(() => void check()));
    const poll = setInterval(() => void check(), 200);
    const timer = setTimeout(() => {
      const detail = options.describe ? `\n  last seen: ${options.describe()}` : '';
      const error = lastError ? `\n  last error: ${String(lastError)}` : '';
      finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}${error}`)));
    }, timeoutMs);
    void check();
  });
}

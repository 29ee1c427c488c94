// Ctrl+C for long CLI commands: cli.ts turns SIGINT into an aborted signal; commands check it between files and
// before each write, so nothing is left half-written: a write in progress (atomic: temporary file, then rename)
// finishes, the next one does not start. main.ts turns CancelledError into "cancelled" and exit code 130.

/** Thrown at a check once the run was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

// The CLI reads files synchronously: the signal is only delivered when the event loop turns, so a check lets it
// turn now and then (often enough to feel immediate, rarely enough to cost nothing).
const TURN_EVERY_MS = 50;

export class Cancellation {
  private lastTurn = Date.now();

  constructor(readonly signal: AbortSignal | undefined) {}

  /** Between two files: throws CancelledError when Ctrl+C was pressed. */
  async check(): Promise<void> {
    if (!this.signal) return;
    if (Date.now() - this.lastTurn >= TURN_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.lastTurn = Date.now();
    }
    this.throwIfCancelled();
  }

  /** Right before a write: a pending Ctrl+C stops it from starting. */
  async beforeWrite(): Promise<void> {
    if (!this.signal) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.throwIfCancelled();
  }

  throwIfCancelled(): void {
    if (this.signal?.aborted) throw new CancelledError();
  }
}

// languageclient sends a batch 250 ms after the last event; longer than this means the batch was dropped (a
// restart cancels it without settling its promise), and a report must not wait for it.
const MAX_WAIT_MS = 1000;

/**
 * File events on their way to the server: vscode-languageclient holds them for 250 ms to send them in one batch. A
 * report request waits for them, so a file changed just before the command is not reported from the cache.
 */
export class FileEventsInFlight {
  private pending = new Set<Promise<void>>();

  track(delivery: Promise<void>): Promise<void> {
    const pending = this.pending;
    const settled = delivery.catch(() => undefined).finally(() => pending.delete(settled));
    pending.add(settled);
    return delivery;
  }

  /** Resolves once every event seen so far has been sent (or failed to send, or could not be waited for). */
  async delivered(): Promise<void> {
    if (this.pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => { timer = setTimeout(resolve, MAX_WAIT_MS); });
    await Promise.race([Promise.all([...this.pending]), giveUp]);
    clearTimeout(timer);
  }

  /** The client stopped: what it held is gone with it. */
  clear(): void {
    this.pending = new Set();
  }
}

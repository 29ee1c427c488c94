/**
 * File events on their way to the server: vscode-languageclient holds them for 250 ms to send them in one batch. A
 * report request waits for them, so a file changed just before the command is not reported from the cache.
 */
export class FileEventsInFlight {
  private readonly pending = new Set<Promise<void>>();

  track(delivery: Promise<void>): Promise<void> {
    const settled = delivery.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
    return delivery;
  }

  /** Resolves once every event seen so far has been sent (or failed to send). */
  async delivered(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}

// Analysis is synchronous and read-ahead results are already resolved, so a scan loop can run for a long time
// on microtasks alone while the connection's incoming messages (a $/cancelRequest) wait for a macrotask turn.
const MAX_BUSY_MS = 10;

/** Gives the event loop a turn (setImmediate) once the loop has been busy for more than 10 ms. */
export class EventLoopTurns {
  private busySince = Date.now();

  async maybeYield(): Promise<void> {
    if (Date.now() - this.busySince < MAX_BUSY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.busySince = Date.now();
  }
}

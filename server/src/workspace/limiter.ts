/**
 * Runs at most `maxConcurrent` async tasks at once; later tasks wait their turn in FIFO order.
 * Used to bound file reads so a large tree never opens thousands of files at the same time.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maxConcurrent: number) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`Limiter needs a positive integer, got ${maxConcurrent}`);
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    // Hand the slot straight to the next waiter so `running` never dips and lets a newcomer jump the queue.
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

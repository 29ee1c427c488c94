// The bench's own garbage collections. The typing bench parses the whole text after every 5th keystroke (its
// baseline: at 10,000 lines ~50 ms and megabytes of garbage) and parses every answer's JSON; its collections, run when
// V8 chooses, could land inside the next keystrokes' timed spans and be counted as the server's latency. So the bench
// collects itself between keystrokes, outside the timed spans, and counts the collections
// that still ran inside one (`BenchCollections`), so the anatomy table shows they were kept out.
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's gc: a full collection, or a young one with `{ type: 'minor' }` (Node 20's V8 reads no 'major'). */
type Collect = (options?: { type: 'minor' }) => void;

let collect: Collect | undefined;

/** V8's `gc`, exposed at run time (the bench is started without --expose-gc). */
function collector(): Collect {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  return collect;
}

/** Empties the bench's young generation after a keystroke (a fraction of a millisecond: little there survives). */
export function collectYoungGeneration(): void {
  collector()({ type: 'minor' });
}

/** Collects the bench's whole heap after its baseline parses (their trees may have been promoted). */
export function collectWholeHeap(): void {
  collector()();
}

/** Records the pauses of the bench's collections, to be matched with the keystrokes' timed spans. */
export class BenchCollections {
  private readonly pauses: Array<{ start: number; end: number }> = [];
  private readonly observer = new PerformanceObserver((list) => this.record(list.getEntries()));

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Milliseconds of the bench's collections between `start` and `end` (performance.now() times). */
  pausedWithin(start: number, end: number): number {
    this.record(this.observer.takeRecords());
    let paused = 0;
    for (const pause of this.pauses) paused += Math.max(0, Math.min(end, pause.end) - Math.max(start, pause.start));
    return paused;
  }

  /** Forgets the pauses before `time`, which no span still to be matched can contain. */
  forgetBefore(time: number): void {
    const kept = this.pauses.filter((pause) => pause.end >= time);
    this.pauses.splice(0, this.pauses.length, ...kept);
  }

  stop(): void {
    this.observer.disconnect();
  }

  private record(entries: readonly PerformanceEntry[]): void {
    for (const entry of entries) this.pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }
}

// Where a typing p99 comes from: for each keystroke, besides its round trip, the CPU time the server's and the bench's
// main threads spent on it, what their other threads (V8's concurrent marking, sweeping, compilation) ran meanwhile,
// whether a garbage collection of either ran inside it, and how long neither main thread ran, split into waiting for a
// core and sleeping (IPC hops, a main thread waiting for its collector's helper threads). Read between keystrokes,
// outside the timed span.
import type { BenchCollections } from './benchCollections';
import type { Collections, GcTrace } from './gcTrace';
import { percentile } from './stats';
import { processSchedule, type ProcessSchedule, scheduleSpent, threadAsleep } from './threadSchedule';

export interface Keystroke {
  ms: number;
  /** performance.now() when the keystroke was sent. */
  startedAt: number;
  /** Since the previous keystroke's answer, ms: the bench's own work between keystrokes (its reads, parses, collections). */
  gapMs: number;
  /** The server's threads during the keystroke (undefined where /proc cannot tell). */
  server?: ProcessSchedule;
  /** The bench's threads during the keystroke. */
  bench?: ProcessSchedule;
  /** A garbage collection's trace line of the server arrived while the keystroke ran (undefined when not counted). */
  collected?: boolean;
  /** Wall time neither the server's nor the bench's main thread ran, ms: the IPC hops, and waiting for a core. */
  waitedMs?: number;
}

export interface PlaceRun {
  keystrokes: Keystroke[];
  collections: Collections;
}

/** A keystroke that waited longer than this (ms) was held up by the scheduler or a hop, not by its own work. */
const WAITED_MS = 1;

export class KeystrokeObserver {
  private lastEnded: number | undefined;

  constructor(private readonly serverPid: number | undefined, private readonly gc: GcTrace | undefined) {}

  /** Times `send` (one keystroke's round trip) and reads what the scheduler and the collector did meanwhile. */
  async measure(send: () => Promise<void>): Promise<Keystroke> {
    const serverBefore = this.serverPid === undefined ? undefined : processSchedule(this.serverPid);
    const collectionsBefore = this.gc?.count;
    // The bench's own main thread is read last before the span and first after it: the reads are not in its figure.
    const benchBefore = processSchedule(process.pid, 'main last');
    const startedAt = performance.now();
    await send();
    const ended = performance.now();
    const benchAfter = processSchedule(process.pid, 'main first');
    const ms = ended - startedAt;
    const gapMs = this.lastEnded === undefined ? 0 : startedAt - this.lastEnded;
    this.lastEnded = ended;
    // The server prints a collection's line before it answers: the read of its stdout is at most one turn behind.
    if (this.gc) await new Promise(setImmediate);
    if (this.serverPid !== undefined) untilAsleep(this.serverPid);
    const collected = collectionsBefore === undefined ? undefined : this.gc!.count > collectionsBefore;
    const server = scheduleSpent(serverBefore, this.serverPid === undefined ? undefined : processSchedule(this.serverPid));
    const bench = scheduleSpent(benchBefore, benchAfter);
    const waitedMs = server && bench ? ms - server.mainCpuMs - bench.mainCpuMs : undefined;
    return { ms, startedAt, gapMs, server, bench, collected, waitedMs };
  }
}

/** At most this long (ms) the bench waits for the server to go back to sleep after answering, in naps of NAP_MS. */
const ASLEEP_WITHIN_MS = 5;
const NAP_MS = 0.05;
const napCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Waits until the server's main thread sleeps again. Just after its answer it is often still running (its reply's
 * callbacks, or waiting for a core: about half the keystrokes at 111 lines), and a running thread's schedstat lacks
 * what it ran since its last tick or switch: the keystroke's analysis then counted in the next keystroke's server CPU,
 * which scrambled the per-keystroke figures (the p99s) without changing their sum. The bench naps meanwhile (leaving
 * its core to the server, allocating nothing): spinning its event loop filled its young generation.
 */
function untilAsleep(pid: number): void {
  const deadline = performance.now() + ASLEEP_WITHIN_MS;
  while (!threadAsleep(pid) && performance.now() < deadline) Atomics.wait(napCell, 0, 0, NAP_MS);
}

export function p50p99(samples: readonly number[]): string {
  return samples.length === 0 ? '–' : `${percentile(samples, 50).toFixed(2)} / ${percentile(samples, 99).toFixed(2)}`;
}

function defined<T>(keystrokes: readonly Keystroke[], read: (keystroke: Keystroke) => T | undefined): T[] {
  return keystrokes.flatMap((keystroke) => {
    const value = read(keystroke);
    return value === undefined ? [] : [value];
  });
}

/** The rows of both anatomy tables for one place: [work, waits]. */
export function anatomyRows(lines: number, place: string, run: PlaceRun, countsCollections: boolean, bench: BenchCollections): [string, string] {
  const { keystrokes } = run;
  const latencies = keystrokes.map((keystroke) => keystroke.ms);
  const benchPauses = keystrokes.map((keystroke) => bench.pausedWithin(keystroke.startedAt, keystroke.startedAt + keystroke.ms)).filter((ms) => ms > 0);
  const work = [
    `${lines}`, place, p50p99(latencies), `${(percentile(latencies, 99) / percentile(latencies, 50)).toFixed(1)}×`,
    p50p99(defined(keystrokes, (keystroke) => keystroke.server?.mainCpuMs)),
    p50p99(defined(keystrokes, (keystroke) => keystroke.server?.othersCpuMs)),
    p50p99(defined(keystrokes, (keystroke) => keystroke.bench?.mainCpuMs)),
    p50p99(defined(keystrokes, (keystroke) => keystroke.bench?.othersCpuMs)),
    benchPauses.length > 0 ? `${benchPauses.length} (max ${Math.max(...benchPauses).toFixed(2)} ms)` : '0',
    p50p99(keystrokes.slice(1).map((keystroke) => keystroke.gapMs)),
  ];
  const waited = defined(keystrokes, (keystroke) => keystroke.waitedMs);
  const queued = defined(keystrokes, (keystroke) => (keystroke.server && keystroke.bench ? keystroke.server.mainQueuedMs + keystroke.bench.mainQueuedMs : undefined));
  const calm = keystrokes.filter((keystroke) => keystroke.waitedMs !== undefined && keystroke.waitedMs <= WAITED_MS).map((keystroke) => keystroke.ms);
  const { scavengeMs, markCompactMs } = run.collections;
  const waits = [
    `${lines}`, place,
    countsCollections ? (100 * scavengeMs.length / keystrokes.length).toFixed(1) : '–',
    scavengeMs.length > 0 ? `${percentile(scavengeMs, 50).toFixed(2)} / ${Math.max(...scavengeMs).toFixed(2)}` : '–',
    countsCollections ? `${markCompactMs.length}${markCompactMs.length > 0 ? ` (max ${Math.max(...markCompactMs).toFixed(1)} ms)` : ''}` : '–',
    countsCollections ? `${keystrokes.filter((keystroke) => keystroke.collected).length}` : '–',
    p50p99(waited), p50p99(queued),
    waited.length > 0 ? `${waited.filter((ms) => ms > WAITED_MS).length}` : '–',
    calm.length > 0 ? `${percentile(calm, 99).toFixed(2)} (${(percentile(calm, 99) / percentile(calm, 50)).toFixed(1)}× their p50; ${calm.length})` : '–',
  ];
  return [`| ${work.join(' | ')} |`, `| ${waits.join(' | ')} |`];
}

export function printAnatomy(rows: ReadonlyArray<readonly [string, string]>): void {
  console.log('\n### Typing: where the p99 comes from (per place; same keystrokes as above)');
  console.log("CPU time of each process's main thread during the keystroke, and of its other threads (V8's concurrent marking, sweeping, compilation, which compete for the box's two cores), from /proc (a busy box does not lengthen them; the server's read once its main thread sleeps again after answering, the bench's own main thread's from getrusage less its other threads: a running thread's schedstat is as of its last tick or switch). The bench's main thread sends the keystroke and parses the answer's JSON, as an editor does. Bench collections: the bench's own garbage collections that ran inside a keystroke (it collects itself between keystrokes, so these should be none). Gap: time between a keystroke's answer and the next keystroke, the bench's own work (reads of /proc, its young collection).");
  console.log('| lines | place | p50 / p99 ms | p99 / p50 | server CPU p50 / p99 ms | server other threads CPU p50 / p99 ms | bench CPU p50 / p99 ms | bench other threads CPU p50 / p99 ms | bench collections inside keystrokes | gap before a keystroke p50 / p99 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [work] of rows) console.log(work);
  console.log("\nScavenges: the server's young-generation collections, per 100 keystrokes, and the pause of each (--trace-gc). Waited: the keystroke's wall time less the CPU time of the server's and the bench's main threads; queued: the part of it either main thread was runnable but had no core (/proc schedstat); the rest is sleeping (IPC hops, a main thread waiting for its collector's helper threads). Waited is negative where both main threads ran at once (the bench sends the pull while the server analyses the change).");
  console.log(`The last column is the p99 of the keystrokes that did not wait more than ${WAITED_MS} ms, collections included: what an idle box would show. The p99 of all keystrokes on a shared box measures its load as much as the server.`);
  console.log(`| lines | place | scavenges per 100 keystrokes | scavenge pause p50 / max ms | full collections | keystrokes during a collection | waited p50 / p99 ms | queued for a core p50 / p99 ms | keystrokes that waited > ${WAITED_MS} ms | p99 of the others |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [, waits] of rows) console.log(waits);
}

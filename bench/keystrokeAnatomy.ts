// Where a typing p99 comes from: for each keystroke, besides its round trip, the CPU time the server's and the bench's
// main threads spent on it, what their other threads (V8's concurrent marking, sweeping, compilation) ran meanwhile,
// whether a garbage collection of either ran inside it, and how long neither main thread ran, split into waiting for a
// core and sleeping (IPC hops, a main thread waiting for its collector's helper threads). Read between keystrokes,
// outside the timed span.
import type { BenchCollections } from './benchCollections';
import type { BoxTasks } from './boxTasks';
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
  /** CPU time the box's other tasks (boxTasks.ts) ran during the keystroke, ms (undefined when not watched). */
  boxCpuMs?: number;
}

export interface PlaceRun {
  keystrokes: Keystroke[];
  collections: Collections;
}

/** A keystroke that waited longer than this (ms) was held up by the scheduler or a hop, not by its own work. */
const WAITED_MS = 1;

export class KeystrokeObserver {
  private lastEnded: number | undefined;

  constructor(private readonly serverPid: number | undefined, private readonly gc: GcTrace | undefined, private readonly box?: BoxTasks) {}

  /** Times `send` (one keystroke's round trip) and reads what the scheduler and the collector did meanwhile. */
  async measure(send: () => Promise<void>): Promise<Keystroke> {
    const serverBefore = this.serverPid === undefined ? undefined : processSchedule(this.serverPid);
    const collectionsBefore = this.gc?.count;
    const boxBefore = this.box?.cpuMs();
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
    this.box?.untilStopped();
    const boxCpuMs = boxBefore === undefined ? undefined : this.box!.cpuMs() - boxBefore;
    const collected = collectionsBefore === undefined ? undefined : this.gc!.count > collectionsBefore;
    const server = scheduleSpent(serverBefore, this.serverPid === undefined ? undefined : processSchedule(this.serverPid));
    const bench = scheduleSpent(benchBefore, benchAfter);
    const waitedMs = server && bench ? ms - server.mainCpuMs - bench.mainCpuMs : undefined;
    return { ms, startedAt, gapMs, server, bench, collected, waitedMs, boxCpuMs };
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

/** The rows of the three anatomy tables for one place: [work, waits, the box's other tasks]. */
export function anatomyRows(lines: number, place: string, run: PlaceRun, countsCollections: boolean, bench: BenchCollections): AnatomyRows {
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
  return [`| ${work.join(' | ')} |`, `| ${waits.join(' | ')} |`, boxRow(lines, place, keystrokes)];
}

type AnatomyRows = readonly [work: string, waits: string, box: string];

/** Another task ran into a keystroke when it ran more than this (ms) during it: more than a kernel worker's wake-up. */
const RAN_INTO_MS = 0.1;

/** The row of the box's other tasks for one place. */
function boxRow(lines: number, place: string, keystrokes: readonly Keystroke[]): string {
  return `| ${[`${lines}`, place, ...boxCells(keystrokes)].join(' | ')} |`;
}

/**
 * Which keystrokes the box's other tasks ran into, their CPU in those, how many of the slowest 1 % they ran into, and
 * the p50 / p99 of the keystrokes they did not run into.
 */
export function boxCells(keystrokes: readonly Keystroke[]): string[] {
  const watched = keystrokes.filter((keystroke) => keystroke.boxCpuMs !== undefined);
  if (watched.length === 0) return ['–', '–', '–', '–'];
  const ranInto = (keystroke: Keystroke) => keystroke.boxCpuMs! > RAN_INTO_MS;
  const p99 = percentile(watched.map((keystroke) => keystroke.ms), 99);
  const slowest = watched.filter((keystroke) => keystroke.ms >= p99);
  const clear = watched.filter((keystroke) => !ranInto(keystroke)).map((keystroke) => keystroke.ms);
  return [
    `${watched.filter(ranInto).length} of ${watched.length}`,
    p50p99(watched.filter(ranInto).map((keystroke) => keystroke.boxCpuMs!)),
    `${slowest.filter(ranInto).length} of ${slowest.length}`,
    clear.length > 0 ? `${p50p99(clear)} (${(percentile(clear, 99) / percentile(clear, 50)).toFixed(1)}×)` : '–',
  ];
}

export function printAnatomy(rows: readonly AnatomyRows[], box?: BoxTasks): void {
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
  if (!box) return;
  console.log(`\nThe box's other tasks: every thread outside the bench and the server that ran during the warm-up (${box.names().join(', ')}; boxTasks.ts), their CPU time during each keystroke (read once they stop running, up to 5 ms after it). A keystroke they ran into for more than ${RAN_INTO_MS} ms shared the box's two cores with them: neither the server nor the bench can change that. The last column is the p99 of the keystrokes they did not run into: the server's own tail.`);
  console.log('| lines | place | keystrokes they ran into | their CPU in those p50 / p99 ms | of the slowest 1 % (p99 and above) | p50 / p99 of the others ms (p99 / p50) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [, , boxRowText] of rows) console.log(boxRowText);
}

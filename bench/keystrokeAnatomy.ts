// Where a typing p99 comes from: for each keystroke, besides its round trip, the CPU time the server's main thread
// spent on it, whether a garbage collection ran meanwhile, and how long neither main thread ran (IPC hops, waiting for
// a core on a shared box). Read between keystrokes, outside the timed span.
import type { Collections, GcTrace } from './gcTrace';
import { percentile } from './stats';
import { threadSchedule } from './threadSchedule';

export interface Keystroke {
  ms: number;
  /** CPU time of the server's main thread, ms (undefined where /proc cannot tell). */
  serverCpuMs?: number;
  /** A garbage collection's trace line arrived while the keystroke ran (undefined when not counted). */
  collected?: boolean;
  /** Wall time neither the server's nor the bench's main thread ran, ms: the IPC hops, and waiting for a core. */
  waitedMs?: number;
}

export interface PlaceRun {
  keystrokes: Keystroke[];
  collections: Collections;
}

/** A keystroke that waited longer than this (ms) was held up by the scheduler, not by its own work. */
const WAITED_MS = 1;

export class KeystrokeObserver {
  constructor(private readonly serverPid: number | undefined, private readonly gc: GcTrace | undefined) {}

  /** Times `send` (one keystroke's round trip) and reads what the scheduler and the collector did meanwhile. */
  async measure(send: () => Promise<void>): Promise<Keystroke> {
    const serverBefore = this.serverSchedule();
    const benchBefore = threadSchedule(process.pid);
    const collectionsBefore = this.gc?.count;
    const started = performance.now();
    await send();
    const ms = performance.now() - started;
    // The server prints a collection's line before it answers: the read of its stdout is at most one turn behind.
    if (this.gc) await new Promise(setImmediate);
    const collected = collectionsBefore === undefined ? undefined : this.gc!.count > collectionsBefore;
    const serverAfter = this.serverSchedule();
    const benchAfter = threadSchedule(process.pid);
    const serverCpuMs = serverBefore && serverAfter ? serverAfter.cpuMs - serverBefore.cpuMs : undefined;
    const benchCpuMs = benchBefore && benchAfter ? benchAfter.cpuMs - benchBefore.cpuMs : undefined;
    const waitedMs = serverCpuMs === undefined || benchCpuMs === undefined ? undefined : ms - serverCpuMs - benchCpuMs;
    return { ms, serverCpuMs, collected, waitedMs };
  }

  private serverSchedule() {
    return this.serverPid === undefined ? undefined : threadSchedule(this.serverPid);
  }
}

export function p50p99(samples: readonly number[]): string {
  return `${percentile(samples, 50).toFixed(2)} / ${percentile(samples, 99).toFixed(2)}`;
}

/** One row of the anatomy table. */
export function anatomyRow(lines: number, place: string, run: PlaceRun, countsCollections: boolean): string {
  const latencies = run.keystrokes.map((keystroke) => keystroke.ms);
  const cpu = run.keystrokes.flatMap((keystroke) => (keystroke.serverCpuMs === undefined ? [] : [keystroke.serverCpuMs]));
  const waited = run.keystrokes.flatMap((keystroke) => (keystroke.waitedMs === undefined ? [] : [keystroke.waitedMs]));
  const calm = run.keystrokes.filter((keystroke) => keystroke.waitedMs !== undefined && keystroke.waitedMs <= WAITED_MS).map((keystroke) => keystroke.ms);
  const { scavengeMs, markCompactMs } = run.collections;
  const cells = [
    `${lines}`, place, p50p99(latencies), `${(percentile(latencies, 99) / percentile(latencies, 50)).toFixed(1)}×`,
    cpu.length > 0 ? p50p99(cpu) : '–',
    countsCollections ? (100 * scavengeMs.length / run.keystrokes.length).toFixed(1) : '–',
    scavengeMs.length > 0 ? `${percentile(scavengeMs, 50).toFixed(2)} / ${Math.max(...scavengeMs).toFixed(2)}` : '–',
    countsCollections ? `${markCompactMs.length}${markCompactMs.length > 0 ? ` (max ${Math.max(...markCompactMs).toFixed(1)} ms)` : ''}` : '–',
    countsCollections ? `${run.keystrokes.filter((keystroke) => keystroke.collected).length}` : '–',
    waited.length > 0 ? p50p99(waited) : '–',
    waited.length > 0 ? `${waited.filter((ms) => ms > WAITED_MS).length}` : '–',
    calm.length > 0 ? `${percentile(calm, 99).toFixed(2)} (${(percentile(calm, 99) / percentile(calm, 50)).toFixed(1)}× their p50; ${calm.length})` : '–',
  ];
  return `| ${cells.join(' | ')} |`;
}

export function printAnatomy(rows: readonly string[]): void {
  console.log('\n### Typing: where the p99 comes from (per place; same keystrokes as above)');
  console.log("Server CPU: CPU time of the server's main thread during the keystroke (/proc), which a busy box does not lengthen. Waited: the keystroke's wall time less the CPU time of the server's and the bench's main threads, i.e. the IPC hops and waiting for a core. Scavenges: young-generation collections, per 100 keystrokes, and the pause of each.");
  console.log(`The last column is the p99 of the keystrokes that did not wait more than ${WAITED_MS} ms, collections included: what an idle box would show. The p99 of all keystrokes on a shared box measures its load as much as the server.`);
  console.log(`| lines | place | p50 / p99 ms | p99 / p50 | server CPU p50 / p99 ms | scavenges per 100 keystrokes | scavenge pause p50 / max ms | full collections | keystrokes during a collection | waited p50 / p99 ms | keystrokes that waited > ${WAITED_MS} ms | p99 of the others |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

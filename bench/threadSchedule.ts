// What the Linux scheduler says about the threads of one process (/proc/PID/task/TID/schedstat: nanoseconds run,
// nanoseconds waited runnable for a core, time slices). Read between keystrokes, it tells a slow keystroke that waited
// for a core (the box is shared) from one that did more work (a garbage collection) and from one that slept (an IPC
// hop, a main thread waiting for its collector's helper threads); and what V8's background threads (concurrent
// marking, sweeping, compilation) ran meanwhile, competing for the box's two cores. Elsewhere than Linux it reads nothing.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessSchedule {
  /** CPU time the main thread has run, ms. */
  mainCpuMs: number;
  /** Time the main thread was runnable but waited for a core, ms. */
  mainQueuedMs: number;
  /** CPU time all the other threads of the process have run, ms (threads that ended meanwhile are not counted). */
  othersCpuMs: number;
}

/**
 * The threads of process `pid` (the main thread's id is the process id). Reading its own process, the bench reads its
 * main thread last before a timed span and first after it, so that reading the other threads is not in its CPU time.
 *
 * A running thread's schedstat is not brought up to date when read: it says what the thread had run at its last
 * scheduler tick or switch (every 4 ms at this kernel's 250 Hz), so the bench's own main thread, reading itself, read
 * the CPU time up to its last sleep (until 2026-12-07 its figure was the previous answer's parse, the work between
 * keystrokes and the sending, not the keystroke's). Its CPU time is therefore the process's (getrusage, up to date
 * for the calling thread) less its other threads' (asleep, or as last switched out).
 */
export function processSchedule(pid: number, order: 'main first' | 'main last' = 'main first'): ProcessSchedule | undefined {
  const own = pid === process.pid;
  const ownFirst = own && order === 'main first' ? processCpuMs() : undefined;
  const mainFirst = order === 'main first' ? threadStat(pid, pid) : undefined;
  let othersCpuMs = 0;
  for (const tid of threadIds(pid)) {
    if (tid !== pid) othersCpuMs += threadStat(pid, tid)?.cpuMs ?? 0;
  }
  const main = mainFirst ?? threadStat(pid, pid);
  if (!main) return undefined;
  const mainCpuMs = own ? (ownFirst ?? processCpuMs()) - othersCpuMs : main.cpuMs;
  return { mainCpuMs, mainQueuedMs: main.queuedMs, othersCpuMs };
}

/** CPU time of this whole process so far, ms, up to date to the call. */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Whether a thread is off the CPU and not waiting for one (/proc/PID/task/TID/stat state other than R): its schedstat
 * is then up to date. True where /proc cannot tell.
 */
export function threadAsleep(pid: number, tid = pid): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  } catch {
    return true;
  }
  return stat[stat.lastIndexOf(')') + 2] !== 'R'; // the state follows the parenthesised command name
}

/** `after − before`, field by field; undefined when either is. */
export function scheduleSpent(before: ProcessSchedule | undefined, after: ProcessSchedule | undefined): ProcessSchedule | undefined {
  if (!before || !after) return undefined;
  return {
    mainCpuMs: after.mainCpuMs - before.mainCpuMs,
    mainQueuedMs: after.mainQueuedMs - before.mainQueuedMs,
    othersCpuMs: Math.max(0, after.othersCpuMs - before.othersCpuMs),
  };
}

function threadIds(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

function threadStat(pid: number, tid: number): { cpuMs: number; queuedMs: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8');
  } catch {
    return undefined;
  }
  const [run, queued] = text.split(' ').map(Number);
  return Number.isFinite(run) && Number.isFinite(queued) ? { cpuMs: run / 1e6, queuedMs: queued / 1e6 } : undefined;
}

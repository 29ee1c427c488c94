// The box's other tasks: every thread on the box outside the bench's and the server's processes. Kernel threads
// (on this VM DAMON's kdamond.0 runs bursts of ~2.4 ms about twice a second), the sandbox's agent, any other process.
// Their CPU time during a keystroke says whether the keystroke shared the box's two cores with them, which neither the
// server nor the bench can change: the typing p99 of keystrokes no other task ran into is the server's, the rest is
// the box's. Linux only (/proc/PID/task/TID/schedstat); elsewhere nothing is watched and every reading is 0.
//
// Read with pread on descriptors kept open (readFileSync of all ~200 tasks' schedstat took ~13 ms, a pread of each
// ~0.5 ms), and only of the tasks that ran during a census window (the warm-up): ~15 tasks, a few µs each, between
// keystrokes, outside the timed span. A task born after the census is not watched.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

interface Task {
  fd: number;
  /** /proc/PID/task/TID/stat, opened once the task is known busy: whether it is running now. */
  statFd?: number;
  /** /proc/PID/task/TID, to name the task. */
  path: string;
  ranNs: number;
}

const buffer = Buffer.alloc(512);

/** At most this long (ms) the bench waits for the box's other tasks to stop running after a keystroke, in naps of NAP_MS. */
const STOPPED_WITHIN_MS = 5;
const NAP_MS = 0.05;
const napCell = new Int32Array(new SharedArrayBuffer(4));

/** Nanoseconds the task has run (first field of schedstat); undefined once the task is gone. */
function ranNs(fd: number): number | undefined {
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const ns = Number(buffer.toString('latin1', 0, read).split(' ')[0]);
    return Number.isFinite(ns) ? ns : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the task is on a CPU or waiting for one (state R in /proc/PID/task/TID/stat, after the parenthesised name). */
function running(task: Task): boolean {
  if (task.statFd === undefined) return false;
  try {
    const text = buffer.toString('latin1', 0, readSync(task.statFd, buffer, 0, buffer.length, 0));
    return text[text.lastIndexOf(')') + 2] === 'R';
  } catch {
    return false;
  }
}

function numericEntries(path: string): string[] {
  try {
    return readdirSync(path).filter((entry) => entry !== '' && [...entry].every((char) => char >= '0' && char <= '9'));
  } catch {
    return [];
  }
}

/** The shortest census, ms. */
const CENSUS_MS = 2_000;

/** Every task outside `excludedPids`, with what it had run when the census began. */
export class BoxCensus {
  private readonly tasks: Task[] = [];
  private readonly began = performance.now();

  constructor(excludedPids: readonly number[]) {
    const excluded = new Set(excludedPids.map(String));
    for (const pid of numericEntries('/proc')) {
      if (excluded.has(pid)) continue;
      for (const tid of numericEntries(`/proc/${pid}/task`)) {
        const path = `/proc/${pid}/task/${tid}`;
        let fd: number;
        try {
          fd = openSync(`${path}/schedstat`, 'r');
        } catch {
          continue;
        }
        const ns = ranNs(fd);
        if (ns === undefined) closeSync(fd);
        else this.tasks.push({ fd, path, ranNs: ns });
      }
    }
  }

  /**
   * The tasks that ran since the census began, which is made to last at least CENSUS_MS (a kernel thread that wakes
   * twice a second is missed by a shorter one); the others' descriptors are closed.
   */
  busySince(): BoxTasks {
    const left = CENSUS_MS - (performance.now() - this.began);
    if (left > 0) Atomics.wait(napCell, 0, 0, left);
    const busy: Task[] = [];
    for (const task of this.tasks) {
      const ns = ranNs(task.fd);
      if (ns !== undefined && ns > task.ranNs) {
        try {
          task.statFd = openSync(`${task.path}/stat`, 'r');
        } catch {
          // gone since: its schedstat reads fail too, and it counts as last read
        }
        busy.push(task);
      } else {
        closeSync(task.fd);
      }
    }
    this.tasks.length = 0;
    return new BoxTasks(busy);
  }
}

export class BoxTasks {
  constructor(private readonly tasks: readonly Task[]) {}

  /**
   * Waits (up to STOPPED_WITHIN_MS) until none of the watched tasks is running. A running task's schedstat is as of its
   * last tick or switch (4 ms at 250 Hz): a burst that began inside a keystroke and still runs after it would show
   * nothing yet, and that is the burst that held the keystroke up.
   */
  untilStopped(): void {
    const deadline = performance.now() + STOPPED_WITHIN_MS;
    while (this.tasks.some(running) && performance.now() < deadline) Atomics.wait(napCell, 0, 0, NAP_MS);
  }

  /** CPU time the watched tasks have run so far, ms (a task gone meanwhile counts as it was last read). */
  cpuMs(): number {
    let total = 0;
    for (const task of this.tasks) {
      const ns = ranNs(task.fd);
      if (ns !== undefined) task.ranNs = ns;
      total += task.ranNs;
    }
    return total / 1e6;
  }

  /** The watched tasks' names (their `comm`), each once, for the bench's output. */
  names(): string[] {
    const names = new Set<string>();
    for (const task of this.tasks) {
      try {
        names.add(readFileSync(`${task.path}/comm`, 'utf8').trim());
      } catch {
        // gone since
      }
    }
    return [...names].sort();
  }

  close(): void {
    for (const task of this.tasks) {
      closeSync(task.fd);
      if (task.statFd !== undefined) closeSync(task.statFd);
    }
  }
}

// What the Linux scheduler says about one thread (/proc/PID/task/TID/sched): the CPU time it has run and how often it
// was preempted. Read between keystrokes, it tells a slow keystroke that waited for a core (the box is shared) from
// one that did more work (a garbage collection). Elsewhere than Linux it reads nothing.
import { readFileSync } from 'node:fs';

export interface ThreadSchedule {
  /** CPU time the thread has run, ms (se.sum_exec_runtime). */
  cpuMs: number;
  /** Times the scheduler took the core away from it while it could run (nr_involuntary_switches). */
  preempted: number;
}

/** The main thread of process `pid` (its thread id is its process id). */
export function threadSchedule(pid: number): ThreadSchedule | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/task/${pid}/sched`, 'utf8');
  } catch {
    return undefined;
  }
  const cpuMs = field(text, 'se.sum_exec_runtime');
  const preempted = field(text, 'nr_involuntary_switches');
  return cpuMs === undefined || preempted === undefined ? undefined : { cpuMs, preempted };
}

function field(text: string, name: string): number | undefined {
  const start = text.indexOf(`${name} `);
  if (start < 0) return undefined;
  const colon = text.indexOf(':', start);
  const end = text.indexOf('\n', colon);
  const value = Number(text.slice(colon + 1, end < 0 ? undefined : end));
  return Number.isFinite(value) ? value : undefined;
}

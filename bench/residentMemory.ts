// The resident set of a process as Linux reports it (/proc/PID/status): what a larger young generation costs.
import { readFileSync } from 'node:fs';

/** VmRSS and VmHWM (peak) of process `pid`, MB; undefined where /proc cannot tell. */
export function residentMemory(pid: number): { rssMb: number; peakMb: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  const rss = kb('VmRSS');
  const peak = kb('VmHWM');
  return Number.isFinite(rss) && Number.isFinite(peak) ? { rssMb: rss / 1024, peakMb: peak / 1024 } : undefined;
}

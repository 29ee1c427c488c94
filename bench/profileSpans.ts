// Cuts the CPU profile a bench's server wrote (BENCH_PROFILE=dir: `--cpu-prof`, from start-up to exit) to the spans
// the bench measured: the typing bench's profile is otherwise mostly start-up, the warm-up's 2,376 keystrokes and the
// bench's idle time, not the keystrokes of one place. V8 stamps a profile's samples in microseconds of the monotonic
// clock, the clock of process.hrtime, so the bench notes each span on it and keeps the samples inside.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProfileSpan {
  /** Names the cut profile's file. */
  name: string;
  startUs: number;
  endUs: number;
}

/** Now, on the clock of V8's CPU profiles (µs). */
export function profileClockUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

interface CpuProfile {
  nodes: Array<{ id: number; hitCount?: number }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Writes, next to the profile process `pid` wrote to `dir`, one profile per span (its samples only); returns their paths. */
export function cutProfiles(dir: string, pid: number, spans: ProfileSpan[]): string[] {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.`));
  if (!file) return [];
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  return spans.map((span) => {
    const path = join(dir, `${file.replace(/\.cpuprofile$/, '')}.${span.name.replace(/[^\w-]+/g, '-')}.cpuprofile`);
    writeFileSync(path, JSON.stringify(cut(profile, span)));
    return path;
  });
}

function cut(profile: CpuProfile, span: ProfileSpan): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  const hits = new Map<number, number>();
  let time = profile.startTime;
  let last = span.startUs;
  profile.samples.forEach((sample, index) => {
    time += profile.timeDeltas[index];
    if (time < span.startUs || time > span.endUs) return;
    samples.push(sample);
    timeDeltas.push(time - last);
    last = time;
    hits.set(sample, (hits.get(sample) ?? 0) + 1);
  });
  const nodes = profile.nodes.map((node) => ({ ...node, hitCount: hits.get(node.id) ?? 0 }));
  return { nodes, startTime: span.startUs, endTime: span.endUs, samples, timeDeltas };
}

// The server's own trace lines (V8's --trace-opt, --trace-deopt, --trace-gc, printed to its stdout, unbuffered) with
// the time each arrived, and the measured keystrokes, written to BENCH_TRACE_LOG=file by the typing bench; read by
// bench/compileAttribution.ts, which says which compiles, deopts and scavenges fell inside which keystrokes.
import { writeFileSync } from 'node:fs';
import type { Keystroke } from './keystrokeAnatomy';

export interface TraceLine {
  /** performance.now() of the bench when the line arrived. */
  at: number;
  text: string;
}

export interface TracedPlace {
  lines: number;
  place: string;
  keystrokes: Keystroke[];
}

export interface TraceLog {
  lines: TraceLine[];
  places: TracedPlace[];
}

export class ServerTrace {
  private pending = '';
  private readonly log: TraceLog = { lines: [], places: [] };

  constructor(private readonly file: string) {}

  /** BENCH_TRACE_LOG=file: a recorder; else none. */
  static fromEnvironment(): ServerTrace | undefined {
    const file = process.env.BENCH_TRACE_LOG;
    return file ? new ServerTrace(file) : undefined;
  }

  add(chunk: string): void {
    const at = performance.now();
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    for (const text of lines) this.log.lines.push({ at, text });
  }

  place(lines: number, place: string, keystrokes: Keystroke[]): void {
    this.log.places.push({ lines, place, keystrokes });
  }

  write(): void {
    writeFileSync(this.file, JSON.stringify(this.log));
  }
}

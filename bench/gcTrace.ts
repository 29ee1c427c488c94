// Garbage collections of a server started with --trace-gc (V8 prints one line per collection to stdout; only the IPC
// transport leaves stdout free for it). Counted per stretch of keystrokes: how many young-generation collections
// (scavenges) and full ones (mark-compact), and how long each paused the server.

export interface Collections {
  scavengeMs: number[];
  markCompactMs: number[];
}

/** `[pid:isolate]  1234 ms: Scavenge 3.9 (4.0) -> 3.0 (5.0) MB, 0.37 / 0.00 ms  (…) allocation failure;` */
const TRACE_LINE = /: (Scavenge|Mark-Compact|Mark-sweep)\b[^,]*, ([\d.]+) \//;

export class GcTrace {
  private pending = '';
  private collections: Collections = { scavengeMs: [], markCompactMs: [] };
  private seen = 0;

  /** Collections printed so far. */
  get count(): number {
    return this.seen;
  }

  /** Feeds what the server printed. */
  add(chunk: string): void {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = TRACE_LINE.exec(line);
      if (!match) continue;
      this.seen++;
      (match[1] === 'Scavenge' ? this.collections.scavengeMs : this.collections.markCompactMs).push(Number(match[2]));
    }
  }

  /** The collections seen since the last call. */
  take(): Collections {
    const taken = this.collections;
    this.collections = { scavengeMs: [], markCompactMs: [] };
    return taken;
  }
}

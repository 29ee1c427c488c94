import type { FileResult } from '../types';

/** What identifies a file's content without reading it. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

interface Entry extends FileStamp {
  fingerprint: string;
  result: Pick<FileResult, 'languageId' | 'findings' | 'skipped'>;
}

/**
 * Per-file results of earlier scans in this session, keyed by absolute path and valid while the file's
 * mtime and size and the analysis fingerprint (settings, locale, size limit) are unchanged. A second report
 * of an unchanged 10,000-file workspace then stats files instead of reading and parsing them.
 */
export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private seen = new Set<string>();

  get size(): number {
    return this.entries.size;
  }

  get(path: string, stamp: FileStamp, fingerprint: string): Entry['result'] | undefined {
    this.seen.add(path);
    const entry = this.entries.get(path);
    if (!entry || entry.mtimeMs !== stamp.mtimeMs || entry.size !== stamp.size || entry.fingerprint !== fingerprint) return undefined;
    return entry.result;
  }

  set(path: string, stamp: FileStamp, fingerprint: string, result: FileResult): void {
    this.seen.add(path);
    const { languageId, findings, skipped } = result;
    this.entries.set(path, { mtimeMs: stamp.mtimeMs, size: stamp.size, fingerprint, result: { languageId, findings, skipped } });
  }

  /** After a complete scan: forget files that were not seen (deleted, renamed or now excluded). */
  sweep(): void {
    for (const path of this.entries.keys()) if (!this.seen.has(path)) this.entries.delete(path);
    this.seen = new Set();
  }

  /** An interrupted scan saw only part of the tree: keep everything, start counting afresh. */
  resetSweep(): void {
    this.seen = new Set();
  }

  clear(): void {
    this.entries.clear();
    this.seen = new Set();
  }
}

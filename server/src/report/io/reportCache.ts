import type { Finding, LanguageId } from '../../engine/types';
import type { FileResult } from '../types';

/**
 * A file's analysis before its folder's migration plan (which depends on the other files, so it is never cached):
 * the analyser's findings in the report's locale, with the text when there are any (the plan and the positions
 * need it), and for a script without findings the packages it imports (they keep Bedrock packages listed).
 */
export interface FileAnalysis {
  languageId?: LanguageId;
  skipped?: FileResult['skipped'];
  findings: readonly Finding[];
  text?: string;
  imports?: readonly string[];
  /** A file with findings that is not valid UTF-8 (its text has replacement characters): Migrate Workspace leaves it. */
  notUtf8?: true;
}

/** What identifies a file's content without reading it. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

interface Entry extends FileStamp {
  fingerprint: string;
  analysis: FileAnalysis;
}

/**
 * Per-file analyses of earlier scans in this session, keyed by absolute path and valid while the file's
 * mtime and size and the analysis fingerprint (settings, locale, size limit) are unchanged. A second report
 * of an unchanged 10,000-file workspace then stats files instead of reading and parsing them; when the editor
 * reports file changes (invalidate), it neither stats nor reads them (peek).
 */
export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private seen = new Set<string>();
  /** Count of invalidations so far, and the count at each path's last one: a read older than it is stale. */
  private changes = 0;
  private readonly lastChange = new Map<string, number>();
  private scansRunning = 0;

  get size(): number {
    return this.entries.size;
  }

  get(path: string, stamp: FileStamp, fingerprint: string): FileAnalysis | undefined {
    this.seen.add(path);
    const entry = this.entries.get(path);
    if (!entry || entry.mtimeMs !== stamp.mtimeMs || entry.size !== stamp.size || entry.fingerprint !== fingerprint) return undefined;
    return entry.analysis;
  }

  /** The analysis whatever the file's stamp: for a file no change was reported for since it was read. */
  peek(path: string, fingerprint: string): FileAnalysis | undefined {
    this.seen.add(path);
    const entry = this.entries.get(path);
    return entry?.fingerprint === fingerprint ? entry.analysis : undefined;
  }

  /**
   * @param readAt `changeCount` when the file was read: a change reported since then makes the analysis stale, so it
   * is not kept (the event may have come in between the read and now).
   */
  set(path: string, stamp: FileStamp, fingerprint: string, analysis: FileAnalysis, readAt = this.changes): void {
    this.seen.add(path);
    if ((this.lastChange.get(path) ?? 0) > readAt) return;
    this.entries.set(path, { mtimeMs: stamp.mtimeMs, size: stamp.size, fingerprint, analysis });
  }

  /** The editor reported that the file (or folder) at `path` changed: its analysis is read again. */
  invalidate(path: string): void {
    this.entries.delete(path);
    this.changes++;
    // Only a read in flight can be older than the change (an install between reports sends thousands of them).
    if (this.scansRunning > 0) this.lastChange.set(path, this.changes);
  }

  get changeCount(): number {
    return this.changes;
  }

  /** A scan starts; it ends with sweep or resetSweep. */
  beginScan(): void {
    this.scansRunning++;
  }

  /** After a complete scan: forget files that were not seen (deleted, renamed or now excluded). */
  sweep(): void {
    for (const path of this.entries.keys()) if (!this.seen.has(path)) this.entries.delete(path);
    this.endScan();
  }

  /** An interrupted scan saw only part of the tree: keep everything, start counting afresh. */
  resetSweep(): void {
    this.endScan();
  }

  private endScan(): void {
    this.scansRunning = Math.max(0, this.scansRunning - 1);
    if (this.scansRunning > 0) return; // the report, Migrate Workspace and Connect scan through one cache: one may still run
    // What was seen counts afresh from the next scan: a sweep while another scan ran saw that one's files too.
    this.seen = new Set();
    // With no read in flight, no analysis can be older than a change any more.
    this.lastChange.clear();
  }

  clear(): void {
    this.entries.clear();
    this.seen = new Set();
  }
}

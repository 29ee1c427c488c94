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
 * of an unchanged 10,000-file workspace then stats files instead of reading and parsing them.
 */
export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private seen = new Set<string>();

  get size(): number {
    return this.entries.size;
  }

  get(path: string, stamp: FileStamp, fingerprint: string): FileAnalysis | undefined {
    this.seen.add(path);
    const entry = this.entries.get(path);
    if (!entry || entry.mtimeMs !== stamp.mtimeMs || entry.size !== stamp.size || entry.fingerprint !== fingerprint) return undefined;
    return entry.analysis;
  }

  set(path: string, stamp: FileStamp, fingerprint: string, analysis: FileAnalysis): void {
    this.seen.add(path);
    this.entries.set(path, { mtimeMs: stamp.mtimeMs, size: stamp.size, fingerprint, analysis });
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

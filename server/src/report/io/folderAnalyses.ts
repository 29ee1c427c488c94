// Each file of one workspace folder analysed, reusing the session cache's earlier analyses: what the workspace report
// and Migrate Workspace both start from (they differ in what they make of the analyses, not in how files are read).
import type { CancellationToken } from '../../engine/types';
import type { Locale } from '../../engine/l10n';
import { ReadBuffer, readSourceFileSyncUnlessKnown } from '../../workspace/readSourceFile';
import type { PackageContexts } from '../../workspace/packageContexts';
import type { SkippedFile, SourceFile, WalkEntry } from '../../workspace/types';
import { analyzeReportFile } from './analyzeReportFile';
import type { EventLoopTurns } from './eventLoopTurns';
import { folderEntries, type ReuseMode } from './folderEntries';
import type { FileAnalysis, FileStamp, ReportCache } from './reportCache';
import type { ReportScanFolder } from './reportScanFolder';
import { scanWork } from './scanWork';
import type { WatchedFileLists } from './watchedFileLists';

export interface FolderAnalysesOptions {
  locale: Locale;
  cache?: ReportCache;
  /** The folders' files as file events keep them (the language server, when the editor watches files). */
  fileLists?: WatchedFileLists;
  token?: CancellationToken;
  /**
   * The file's analysis from elsewhere than the disk (Migrate Workspace: a document open in the editor, as it is
   * there), or undefined, at once, to read it. Such an analysis is neither taken from nor put in the cache.
   */
  ownAnalysis?: (entry: WalkEntry) => Promise<FileAnalysis> | undefined;
}

export interface AnalysedEntry {
  entry: WalkEntry;
  analysis: FileAnalysis;
}

type Prepared =
  | { kind: 'cached'; entry: WalkEntry; analysis: FileAnalysis }
  | { kind: 'read'; entry: WalkEntry; file: SourceFile | SkippedFile; stamp?: FileStamp; readAt?: number };

/**
 * The folder's files in walk order, each with its analysis. Stops early (without throwing) once the token is
 * cancelled; the caller checks the token to tell a finished folder from an interrupted one.
 *
 * Files are read blocking, each in its turn, as the CLI reads them: a small file's blocking read costs a fraction of
 * the thread-pool round trips of an asynchronous stat and read (on the 18,779-file benchmark workspace ~0.7 s of CPU
 * against ~3 s), and it is short beside the file's analysis, which blocks anyway. The event loop still gets a turn
 * every 10 ms (`turns`), so the server keeps answering meanwhile.
 */
export async function* folderAnalyses(
  folder: ReportScanFolder, options: FolderAnalysesOptions, packages: PackageContexts, turns: EventLoopTurns, buffer: ReadBuffer,
): AsyncGenerator<AnalysedEntry> {
  const fingerprint = JSON.stringify([options.locale, folder.maxFileSizeBytes, folder.settings]);
  const listKey = JSON.stringify([fingerprint, folder.exclude, folder.include]);
  const { entries, reuse } = await folderEntries(folder, listKey, options.cache, options.fileLists, options.token);
  for await (const entry of entries) {
    await turns.maybeYield();
    if (options.token?.isCancellationRequested) return;
    // Awaited only when there is one: a scan's other files take no extra turn of the microtask queue.
    const own = options.ownAnalysis?.(entry);
    if (own) {
      yield { entry, analysis: await own };
      continue;
    }
    const prepared = prepareEntry(entry, folder, fingerprint, reuse, options.cache, buffer);
    const analysis = prepared.kind === 'cached' ? prepared.analysis : await analyzeReportFile(prepared.file, folder, options, packages);
    if (prepared.kind === 'read' && prepared.stamp && options.cache && !options.token?.isCancellationRequested) {
      options.cache.set(prepared.entry.absolutePath, prepared.stamp, fingerprint, analysis, prepared.readAt);
    }
    yield { entry, analysis };
  }
}

/**
 * A file's earlier analysis when `reuse` allows it, else the file read (with its stamp, for the cache). The file's
 * text is read into `buffer` and decoded out of it: valid until the next read.
 */
function prepareEntry(entry: WalkEntry, folder: ReportScanFolder, fingerprint: string, reuse: ReuseMode, cache: ReportCache | undefined, buffer: ReadBuffer): Prepared {
  if (entry.kind === 'problem') return { kind: 'read', entry, file: { ...entry, kind: 'skipped' } };
  const unchanged = reuse === 'events' ? cache?.peek(entry.absolutePath, fingerprint) : undefined;
  if (unchanged) return { kind: 'cached', entry, analysis: unchanged };
  const readAt = cache?.changeCount;
  scanWork.filesStatted++;
  let cached: FileAnalysis | undefined;
  const isKnown = (stats: FileStamp): boolean => {
    if (reuse === 'stamps') cached = cache?.get(entry.absolutePath, stampOf(stats), fingerprint);
    return cached !== undefined;
  };
  const { file, stats } = readSourceFileSyncUnlessKnown(entry, { maxFileSizeBytes: folder.maxFileSizeBytes }, buffer, isKnown);
  if (cached) return { kind: 'cached', entry, analysis: cached };
  scanWork.filesRead++;
  return { kind: 'read', entry, file: file!, stamp: stats && stampOf(stats), readAt };
}

function stampOf(stats: FileStamp): FileStamp {
  return { mtimeMs: stats.mtimeMs, size: stats.size };
}

// The report's workspace scan: the shared walker and reader (server/src/workspace) plus what only the report
// needs: several folders, files.exclude/include globs, a session cache and the report's language.
import type { Locale } from '../../engine/l10n';
import type { CancellationToken } from '../../engine/types';
import { ReadBuffer, readSourceFileSyncUnlessKnown } from '../../workspace/readSourceFile';
import { PackageContexts } from '../../workspace/packageContexts';
import type { SkippedFile, SourceFile, WalkEntry } from '../../workspace/types';
import { analyzeReportFile } from './analyzeReportFile';
import type { FileResult } from '../types';
import { EventLoopTurns } from './eventLoopTurns';
import { type FileWithFindings, planReportFolder, type QuietScript } from './planReportFolder';
import { folderEntries, type ReuseMode } from './folderEntries';
import type { FileAnalysis, FileStamp, ReportCache } from './reportCache';
import { scanWork } from './scanWork';
import type { ReportScanFolder } from './reportScanFolder';
import type { WatchedFileLists } from './watchedFileLists';

export type { ReportReuse, ReportScanFolder } from './reportScanFolder';

export interface ReportScanOptions {
  folders: readonly ReportScanFolder[];
  locale: Locale;
  cache?: ReportCache;
  /** The folders' files as file events keep them (the language server, when the editor watches files). */
  fileLists?: WatchedFileLists;
  token?: CancellationToken;
}

type Prepared =
  | { kind: 'cached'; entry: WalkEntry; analysis: FileAnalysis }
  | { kind: 'read'; entry: WalkEntry; file: SourceFile | SkippedFile; stamp?: FileStamp; readAt?: number };

/**
 * Streams one result per file of every folder. Files without findings come in walk order as they are read; a
 * folder's files with findings come after them, once the folder's migration plan is made (planReportFolder.ts),
 * which needs them all. Returns early (without throwing) once `token` is cancelled; the caller checks the token to
 * tell a finished scan from an interrupted one.
 *
 * Files are read blocking, each in its turn, as the CLI reads them: a small file's blocking read costs a fraction of
 * the thread-pool round trips of an asynchronous stat and read (on the 18,779-file benchmark workspace ~0.7 s of CPU
 * against ~3 s), and it is short beside the file's analysis, which blocks anyway. The event loop still gets a turn
 * every 10 ms (EventLoopTurns), so the server keeps answering while a report scans.
 */
export async function* scanReportFiles(options: ReportScanOptions): AsyncGenerator<FileResult> {
  const turns = new EventLoopTurns();
  const buffer = new ReadBuffer();
  for (const folder of options.folders) {
    if (options.token?.isCancellationRequested) return;
    const fingerprint = JSON.stringify([options.locale, folder.maxFileSizeBytes, folder.settings]);
    const listKey = JSON.stringify([fingerprint, folder.exclude, folder.include]);
    const { entries, reuse } = await folderEntries(folder, listKey, options.cache, options.fileLists, options.token);
    const packages = new PackageContexts(folder.root);
    const withFindings: FileWithFindings[] = [];
    const quiet: QuietScript[] = [];
    for await (const entry of entries) {
      await turns.maybeYield();
      if (options.token?.isCancellationRequested) return;
      const prepared = prepareEntry(entry, folder, fingerprint, reuse, options.cache, buffer);
      const analysis = prepared.kind === 'cached' ? prepared.analysis : await analyzeReportFile(prepared.file, folder, options, packages);
      if (prepared.kind === 'read' && prepared.stamp && options.cache && !options.token?.isCancellationRequested) {
        options.cache.set(prepared.entry.absolutePath, prepared.stamp, fingerprint, analysis, prepared.readAt);
      }
      const { relativePath: path, absolutePath } = prepared.entry;
      if (analysis.findings.length > 0 && analysis.text !== undefined && analysis.languageId) {
        withFindings.push({ path, absolutePath, languageId: analysis.languageId, text: analysis.text, findings: analysis.findings });
        continue;
      }
      if (analysis.imports) quiet.push({ path, absolutePath, imports: analysis.imports });
      yield { folder: folder.name, path, findings: [], ...(analysis.languageId ? { languageId: analysis.languageId } : {}), ...(analysis.skipped ? { skipped: analysis.skipped } : {}) };
    }
    if (withFindings.length === 0) continue;
    const context = { name: folder.name, root: folder.root, settings: folder.settings, locale: options.locale, packages, turns };
    for (const result of await planReportFolder(withFindings, quiet, context)) {
      if (options.token?.isCancellationRequested) return;
      yield result;
    }
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

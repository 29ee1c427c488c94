// The report's workspace scan: the shared walker and reader (server/src/workspace) plus what only the report
// needs: several folders, files.exclude/include globs, a session cache and the report's language.
import { stat } from 'node:fs/promises';
import { analyze } from '../../engine/analyze';
import { isScriptLanguage } from '../../engine/languages';
import { withLocale, type Locale } from '../../engine/l10n';
import { mayImportMigrationPackages, packageImportsOf } from '../../engine/project/localImports';
import { initPythonParser } from '../../engine/python/pythonParser';
import type { CancellationToken } from '../../engine/types';
import { Limiter, mapInOrder, readSourceFile } from '../../workspace';
import { PackageContexts } from '../../workspace/packageContexts';
import type { SkippedFile, SourceFile, WalkEntry } from '../../workspace/types';
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
  /** File reads in flight at once. */
  concurrency?: number;
}

const DEFAULT_CONCURRENCY = 16;

type Prepared =
  | { kind: 'cached'; entry: WalkEntry; analysis: FileAnalysis }
  | { kind: 'read'; entry: WalkEntry; file: SourceFile | SkippedFile; stamp?: FileStamp; readAt?: number };

/**
 * Streams one result per file of every folder, with bounded concurrency. Files without findings come in walk
 * order as they are read; a folder's files with findings come after them, once the folder's migration plan is
 * made (planReportFolder.ts), which needs them all. Returns early (without throwing) once `token` is cancelled;
 * the caller checks the token to tell a finished scan from an interrupted one.
 */
export async function* scanReportFiles(options: ReportScanOptions): AsyncGenerator<FileResult> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const limiter = new Limiter(concurrency);
  const turns = new EventLoopTurns();
  for (const folder of options.folders) {
    if (options.token?.isCancellationRequested) return;
    const fingerprint = JSON.stringify([options.locale, folder.maxFileSizeBytes, folder.settings]);
    const listKey = JSON.stringify([fingerprint, folder.exclude, folder.include]);
    const { entries, reuse } = await folderEntries(folder, listKey, options.cache, options.fileLists, options.token);
    const prepare = (entry: WalkEntry) => prepareEntry(entry, folder, fingerprint, reuse, options.cache);
    const withFindings: FileWithFindings[] = [];
    const quiet: QuietScript[] = [];
    for await (const prepared of mapInOrder(entries, limiter, concurrency * 2, prepare)) {
      await turns.maybeYield();
      if (options.token?.isCancellationRequested) return;
      const analysis = prepared.kind === 'cached' ? prepared.analysis : await analyzeFile(prepared.file, folder, options);
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
    const context = { name: folder.name, root: folder.root, settings: folder.settings, locale: options.locale, packages: new PackageContexts(folder.root), turns };
    for (const result of await planReportFolder(withFindings, quiet, context)) {
      if (options.token?.isCancellationRequested) return;
      yield result;
    }
  }
}

/** A file's earlier analysis when `reuse` allows it, else the file read (with its stamp, for the cache). */
async function prepareEntry(entry: WalkEntry, folder: ReportScanFolder, fingerprint: string, reuse: ReuseMode, cache: ReportCache | undefined): Promise<Prepared> {
  if (entry.kind === 'problem') return { kind: 'read', entry, file: { ...entry, kind: 'skipped' } };
  const unchanged = reuse === 'events' ? cache?.peek(entry.absolutePath, fingerprint) : undefined;
  if (unchanged) return { kind: 'cached', entry, analysis: unchanged };
  const readAt = cache?.changeCount;
  scanWork.filesStatted++;
  const stamp = await stat(entry.absolutePath).then((stats): FileStamp => ({ mtimeMs: stats.mtimeMs, size: stats.size }), () => undefined);
  const cached = reuse === 'stamps' && stamp ? cache?.get(entry.absolutePath, stamp, fingerprint) : undefined;
  if (cached) return { kind: 'cached', entry, analysis: cached };
  scanWork.filesRead++;
  return { kind: 'read', entry, file: await readSourceFile(entry, { maxFileSizeBytes: folder.maxFileSizeBytes }), stamp, readAt };
}

async function analyzeFile(file: SourceFile | SkippedFile, folder: ReportScanFolder, options: ReportScanOptions): Promise<FileAnalysis> {
  if (file.kind === 'skipped') return { findings: [], skipped: { reason: file.reason, message: file.message } };
  // Python fences in Markdown need the tree-sitter grammar, loaded once, on the first Markdown file.
  if (file.languageId === 'markdown') await initPythonParser();
  const input = { text: file.text, languageId: file.languageId, settings: folder.settings, fileName: file.relativePath, token: options.token };
  const analysis = withLocale(options.locale, () => analyze(input));
  if (analysis.skipped) return { languageId: file.languageId, findings: [], skipped: { reason: analysis.skipped.reason, message: analysis.skipped.message } };
  if (analysis.findings.length > 0) return { languageId: file.languageId, findings: analysis.findings, text: file.text };
  // A quiet script matters to the migration plan only through imports of the packages it reads (as in the CLI).
  const matters = isScriptLanguage(file.languageId) && mayImportMigrationPackages(file.text);
  return { languageId: file.languageId, findings: [], ...(matters ? { imports: packageImportsOf(file.text) } : {}) };
}

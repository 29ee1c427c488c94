// The report's workspace scan: the shared walker and reader (server/src/workspace) plus what only the report
// needs: several folders, files.exclude/include globs, a session cache and the report's language.
import { stat } from 'node:fs/promises';
import { withLocale, type Locale } from '../../engine/l10n';
import { initPythonParser } from '../../engine/python/pythonParser';
import type { CancellationToken, EngineSettings } from '../../engine/types';
import { analyzeWithFixability } from '../../engine/fixes/analyzeWithFixability';
import { Limiter, mapInOrder, readSourceFile } from '../../workspace';
import type { SkippedFile, SourceFile, WalkEntry } from '../../workspace/types';
import { locateFindings } from '../locate';
import type { FileResult } from '../types';
import type { PathFilterGlobs } from './pathFilter';
import { EventLoopTurns } from './eventLoopTurns';
import type { FileStamp, ReportCache } from './reportCache';
import { walkReportFolder } from './walkReportFolder';

export interface ReportScanFolder extends PathFilterGlobs {
  name: string;
  /** Absolute file-system path of the folder. */
  root: string;
  /** The folder's own settings (multi-root workspaces can differ per folder). */
  settings: EngineSettings;
  maxFileSizeBytes: number;
}

export interface ReportScanOptions {
  folders: readonly ReportScanFolder[];
  locale: Locale;
  cache?: ReportCache;
  token?: CancellationToken;
  /** File reads in flight at once. */
  concurrency?: number;
}

const DEFAULT_CONCURRENCY = 16;

type Prepared =
  | { kind: 'cached'; result: FileResult }
  | { kind: 'read'; file: SourceFile | SkippedFile; stamp?: FileStamp };

/**
 * Streams one result per file of every folder, in walk order, with bounded concurrency and nothing
 * buffered beyond the read-ahead window. Returns early (without throwing) once `token` is cancelled; the
 * caller checks the token to tell a finished scan from an interrupted one.
 */
export async function* scanReportFiles(options: ReportScanOptions): AsyncGenerator<FileResult> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const limiter = new Limiter(concurrency);
  const turns = new EventLoopTurns();
  for (const folder of options.folders) {
    if (options.token?.isCancellationRequested) return;
    const fingerprint = JSON.stringify([options.locale, folder.maxFileSizeBytes, folder.settings]);
    const entries = walkReportFolder(folder.root, folder, options.token);
    const prepare = (entry: WalkEntry) => prepareEntry(entry, folder, fingerprint, options.cache);
    for await (const prepared of mapInOrder(entries, limiter, concurrency * 2, prepare)) {
      await turns.maybeYield();
      if (options.token?.isCancellationRequested) return;
      if (prepared.kind === 'cached') {
        yield prepared.result;
        continue;
      }
      const result = await analyzeFile(prepared.file, folder, options);
      if (prepared.stamp && options.cache && !options.token?.isCancellationRequested) {
        options.cache.set(prepared.file.absolutePath, prepared.stamp, fingerprint, result);
      }
      yield result;
    }
  }
}

async function prepareEntry(entry: WalkEntry, folder: ReportScanFolder, fingerprint: string, cache: ReportCache | undefined): Promise<Prepared> {
  if (entry.kind === 'problem') return { kind: 'read', file: { ...entry, kind: 'skipped' } };
  const stamp = await stat(entry.absolutePath).then((stats): FileStamp => ({ mtimeMs: stats.mtimeMs, size: stats.size }), () => undefined);
  const cached = stamp && cache?.get(entry.absolutePath, stamp, fingerprint);
  if (cached) return { kind: 'cached', result: { folder: folder.name, path: entry.relativePath, ...cached } };
  return { kind: 'read', file: await readSourceFile(entry, { maxFileSizeBytes: folder.maxFileSizeBytes }), stamp };
}

async function analyzeFile(file: SourceFile | SkippedFile, folder: ReportScanFolder, options: ReportScanOptions): Promise<FileResult> {
  const base = { folder: folder.name, path: file.relativePath };
  if (file.kind === 'skipped') return { ...base, findings: [], skipped: { reason: file.reason, message: file.message } };
  // Python fences in Markdown need the tree-sitter grammar, loaded once, on the first Markdown file.
  if (file.languageId === 'markdown') await initPythonParser();
  const input = { text: file.text, languageId: file.languageId, settings: folder.settings, fileName: file.relativePath, token: options.token };
  const findings = withLocale(options.locale, () => {
    // Auto-fixable must mean what Migrate Workspace will really do in this file, as in the editor's diagnostics.
    const analysis = analyzeWithFixability(input, () => ({ workspaceRelativePath: file.relativePath }));
    return analysis.skipped ?? analysis.findings;
  });
  if (!Array.isArray(findings)) return { ...base, languageId: file.languageId, findings: [], skipped: { reason: findings.reason, message: findings.message } };
  return { ...base, languageId: file.languageId, findings: locateFindings(file.text, findings) };
}

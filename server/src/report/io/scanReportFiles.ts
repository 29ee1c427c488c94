// The report's workspace scan: the shared walker and reader (server/src/workspace) plus what only the report
// needs: several folders, files.exclude/include globs, a session cache and the report's language.
import { ReadBuffer } from '../../workspace/readSourceFile';
import { PackageContexts } from '../../workspace/packageContexts';
import type { FileResult } from '../types';
import { EventLoopTurns } from './eventLoopTurns';
import { folderAnalyses, type FolderAnalysesOptions } from './folderAnalyses';
import { type FileWithFindings, planReportFolder, type QuietScript } from './planReportFolder';
import type { ReportScanFolder } from './reportScanFolder';

export type { ReportReuse, ReportScanFolder } from './reportScanFolder';

export interface ReportScanOptions extends Omit<FolderAnalysesOptions, 'ownAnalysis'> {
  folders: readonly ReportScanFolder[];
}

/**
 * Streams one result per file of every folder. Files without findings come in walk order as they are read; a
 * folder's files with findings come after them, once the folder's migration plan is made (planReportFolder.ts),
 * which needs them all. Returns early (without throwing) once `token` is cancelled; the caller checks the token to
 * tell a finished scan from an interrupted one. Files are read and analysed as folderAnalyses.ts says.
 */
export async function* scanReportFiles(options: ReportScanOptions): AsyncGenerator<FileResult> {
  const turns = new EventLoopTurns();
  const buffer = new ReadBuffer();
  for (const folder of options.folders) {
    if (options.token?.isCancellationRequested) return;
    const packages = new PackageContexts(folder.root);
    const withFindings: FileWithFindings[] = [];
    const quiet: QuietScript[] = [];
    for await (const { entry, analysis } of folderAnalyses(folder, options, packages, turns, buffer)) {
      const { relativePath: path, absolutePath } = entry;
      if (analysis.findings.length > 0 && analysis.text !== undefined && analysis.languageId) {
        withFindings.push({ path, absolutePath, languageId: analysis.languageId, text: analysis.text, findings: analysis.findings });
        continue;
      }
      if (analysis.imports) quiet.push({ path, absolutePath, imports: analysis.imports });
      yield { folder: folder.name, path, findings: [], ...(analysis.languageId ? { languageId: analysis.languageId } : {}), ...(analysis.skipped ? { skipped: analysis.skipped } : {}) };
    }
    if (options.token?.isCancellationRequested) return;
    if (withFindings.length === 0) continue;
    const context = { name: folder.name, root: folder.root, settings: folder.settings, locale: options.locale, packages, turns };
    for (const result of await planReportFolder(withFindings, quiet, context)) {
      if (options.token?.isCancellationRequested) return;
      yield result;
    }
  }
}

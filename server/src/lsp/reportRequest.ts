import * as l10n from '@vscode/l10n';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CancellationToken, LSPErrorCodes, ResponseError, type WorkDoneProgressParams, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { currentLocale } from '../engine/l10n';
import { localIsoDate, renderMarkdown, type ReportModel } from '../report';
import type { JumpStartCheck } from '../report/types';
import { toJsonReport, toSarifLog } from '../report/exportData';
import { collectWorkspaceReport, type ReportCache, scanWork, scanWorkSince, type WatchedFileLists } from '../report/io';
import { isOwnReport } from '../report/io/ownReport';
import { type OutputFileOptions, WriteScope, writeOutputFile } from '../workspace/safeWrite';
import type { GenerateReportParams, GenerateReportResult, ReportFormat } from '../../../shared/reportProtocol';
import { cancelledError, type ErrorLog } from './errors';
import { ScanProgress } from './reportProgress';
import { reportProblems } from './reportProblems';
import { type FolderConfiguration, reportScanFolders } from './reportScanFolders';
import { invalidParams, validateGenerateReportParams } from './validateParams';

export interface ReportRequestDependencies {
  /** The reporter for the client's work-done token (a no-op reporter without one). */
  workDone(params: WorkDoneProgressParams): WorkDoneProgressReporter;
  configuration: FolderConfiguration;
  /** Per-file results of this session, reused while a file's mtime and size are unchanged. */
  cache: ReportCache;
  /** The folders' files as the editor's file events keep them (no walk, no stat on a warm report). */
  fileLists?: WatchedFileLists;
  log: ErrorLog;
  /** JumpStart availability from this session's last "Connect to SageMaker Endpoints" (never fetched for the report). */
  jumpStart?(): JumpStartCheck | undefined;
}

/**
 * `bedrockToSagemaker/generateReport`: scans every folder with progress, then writes the report atomically.
 * A cancelled request answers RequestCancelled and writes nothing: the output is produced only from a
 * complete scan, and the write itself replaces the file in one rename.
 */
export function createGenerateReportHandler(deps: ReportRequestDependencies) {
  return async (params: GenerateReportParams, token: CancellationToken): Promise<GenerateReportResult> => {
    validateGenerateReportParams(params);
    const outputPath = outputPathOf(params.outputUri);
    const progress = new ScanProgress(deps.workDone(params), l10n.t('Generating the migration report'));
    try {
      const folders = await reportScanFolders(params.folders, deps.configuration);
      const scannedFiles = new Set<string>();
      const roots = new Map(folders.map((folder) => [folder.name, folder.root]));
      const workBefore = { ...scanWork };
      const model = await collectWorkspaceReport(
        { folders, locale: currentLocale(), cache: deps.cache, fileLists: deps.fileLists, token },
        { workspaceName: params.workspaceName, date: localIsoDate(new Date()), linkBase: dirname(outputPath), jumpStart: deps.jumpStart?.() },
        (count) => progress.filesDone(count),
        (file) => scannedFiles.add(join(roots.get(file.folder) ?? '', ...file.path.split('/'))),
      );
      if (!model || token.isCancellationRequested) throw cancelledError();
      await writeReport(outputPath, renderReport(model, params.format), {
        scannedFiles,
        // The user picked the file in a save dialog that asked before replacing it: anywhere, any file but a scanned one.
        force: params.overwrite === true,
        scope: params.overwrite === true ? undefined : await WriteScope.of(folders.map((folder) => folder.root)),
      });
      return {
        outputUri: params.outputUri,
        feasibility: model.feasibility.level,
        filesScanned: model.filesScanned,
        findings: model.totals.total,
        skipped: model.skipped.length,
        work: scanWorkSince(workBefore),
        ...(params.includeProblems ? { problems: reportProblems(model, params.folders) } : {}),
      };
    } finally {
      progress.done();
    }
  };
}

function outputPathOf(outputUri: string): string {
  try {
    return fileURLToPath(outputUri);
  } catch (error) {
    throw invalidParams(`bedrockToSagemaker/generateReport params.outputUri is not a local file URI (${(error as Error).message}).`);
  }
}

/** The report through the safe-write discipline (workspace/safeWrite.ts); a refusal answers RequestFailed with the reason. */
async function writeReport(path: string, content: string, options: Pick<OutputFileOptions, 'scannedFiles' | 'force' | 'scope'>): Promise<void> {
  const outcome = await writeOutputFile(path, content, { ...options, isOwnOutput: isOwnReport, createFolders: true });
  if (!outcome.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, l10n.t('Cannot write {0}: {1}', path, outcome.message));
}

function renderReport(model: ReportModel, format: ReportFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(model);
    case 'json':
      return `${JSON.stringify(toJsonReport(model), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarifLog(model), null, 2)}\n`;
  }
}

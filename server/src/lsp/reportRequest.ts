import * as l10n from '@vscode/l10n';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { currentLocale } from '../engine/l10n';
import { localIsoDate, renderMarkdown, type ReportModel } from '../report';
import type { JumpStartCheck } from '../report/types';
import { toJsonReport, toSarifLog } from '../report/exportData';
import { collectWorkspaceReport, type ReportCache, writeFileAtomic } from '../report/io';
import type { GenerateReportParams, GenerateReportResult, ReportFormat } from '../../../shared/reportProtocol';
import { cancelledError, type ErrorLog } from './errors';
import { ScanProgress } from './reportProgress';
import { reportProblems } from './reportProblems';
import { type FolderConfiguration, reportScanFolders } from './reportScanFolders';

export interface ReportRequestDependencies {
  /** The reporter for the client's work-done token (a no-op reporter without one). */
  workDone(params: WorkDoneProgressParams): WorkDoneProgressReporter;
  configuration: FolderConfiguration;
  /** Per-file results of this session, reused while a file's mtime and size are unchanged. */
  cache: ReportCache;
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
    const progress = new ScanProgress(deps.workDone(params), l10n.t('Generating the migration report'));
    try {
      const outputPath = fileURLToPath(params.outputUri);
      const folders = await reportScanFolders(params.folders, deps.configuration);
      const model = await collectWorkspaceReport(
        { folders, locale: currentLocale(), cache: deps.cache, token },
        { workspaceName: params.workspaceName, date: localIsoDate(new Date()), linkBase: dirname(outputPath), jumpStart: deps.jumpStart?.() },
        (count) => progress.filesDone(count),
      );
      if (!model || token.isCancellationRequested) throw cancelledError();
      await mkdir(dirname(outputPath), { recursive: true });
      await writeFileAtomic(outputPath, renderReport(model, params.format));
      return {
        outputUri: params.outputUri,
        feasibility: model.feasibility.level,
        filesScanned: model.filesScanned,
        findings: model.totals.total,
        skipped: model.skipped.length,
        ...(params.includeProblems ? { problems: reportProblems(model, params.folders) } : {}),
      };
    } finally {
      progress.done();
    }
  };
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

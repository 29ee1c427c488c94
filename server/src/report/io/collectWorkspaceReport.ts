import { DEFAULT_SETTINGS } from '../../engine/settings';
import { ReportCollector } from '../collector';
import type { FileResult, ReportModel, ReportOptions } from '../types';
import { scanReportFiles, type ReportScanOptions } from './scanReportFiles';

export type ReportHeader = Pick<ReportOptions, 'workspaceName' | 'date' | 'linkBase' | 'jumpStart'>;

/**
 * Scans the folders into a report model, calling `onProgress` after each file. Undefined when the token was
 * cancelled: nothing partial escapes, and the cache keeps what it learnt for the next run.
 */
export async function collectWorkspaceReport(
  scan: ReportScanOptions,
  header: ReportHeader,
  onProgress?: (filesDone: number) => void,
  /** Each file as it is scanned (the report request collects them: its output must never replace one). */
  onFile?: (file: FileResult) => void,
): Promise<ReportModel | undefined> {
  const collector = new ReportCollector({
    ...header,
    folders: scan.folders.map(({ name, root }) => ({ name, root })),
    targetRegion: scan.folders[0]?.settings.targetRegion ?? DEFAULT_SETTINGS.targetRegion,
    locale: scan.locale,
  });
  let filesDone = 0;
  scan.cache?.beginScan();
  try {
    for await (const file of scanReportFiles(scan)) {
      collector.add(file);
      onFile?.(file);
      onProgress?.(++filesDone);
    }
  } catch (error) {
    scan.cache?.resetSweep();
    throw error;
  }
  if (scan.token?.isCancellationRequested) {
    scan.cache?.resetSweep();
    return undefined;
  }
  scan.cache?.sweep();
  return collector.finish();
}

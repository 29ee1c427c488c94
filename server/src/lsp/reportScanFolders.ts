import { fileURLToPath } from 'node:url';
import type { ReportReuse, ReportScanFolder } from '../report/io';
import type { ReportFolderParams } from '../../../shared/reportProtocol';
import { fromRaw } from './documentSettings';

/** Asks the client for the `bedrockToSagemaker` section as seen from a resource. */
export type FolderConfiguration = (scopeUri: string) => Promise<unknown>;

/** A folder to scan, still knowing its URI (for diagnostics and edits). */
export type LocalReportFolder = ReportScanFolder & { uri: string };

/**
 * The scan description of each workspace folder: its own engine settings and size limit, `files.exclude`
 * (sent by the client) plus `bedrockToSagemaker.report.exclude`, and `report.include`. Folders that are not on
 * the local disk (virtual workspaces) are left out; the walker reads the file system.
 */
export async function reportScanFolders(folders: readonly ReportFolderParams[], configuration: FolderConfiguration): Promise<LocalReportFolder[]> {
  const local = folders.filter((folder) => folder.uri.startsWith('file:'));
  return Promise.all(local.map(async (folder): Promise<LocalReportFolder> => {
    // A trailing slash scopes the lookup to a resource inside the folder, which every client resolves the same way.
    const raw = await configuration(folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`);
    const settings = fromRaw(raw);
    const report = readReportSection(raw);
    return {
      uri: folder.uri,
      name: folder.name,
      root: fileURLToPath(folder.uri),
      settings: settings.engine,
      maxFileSizeBytes: settings.maxFileSizeKb * 1024,
      exclude: [...folder.filesExclude, ...report.exclude],
      include: report.include,
      reuse: report.reuseResults,
      watcherExclude: folder.filesWatcherExclude ?? [],
    };
  }));
}

const REUSE_VALUES: readonly ReportReuse[] = ['fileEvents', 'modificationTimes', 'never'];

function readReportSection(raw: unknown): { include: string[]; exclude: string[]; reuseResults: ReportReuse } {
  const report = raw && typeof raw === 'object' ? (raw as { report?: unknown }).report : undefined;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const section = report && typeof report === 'object' ? (report as Record<string, unknown>) : {};
  const reuse = REUSE_VALUES.find((value) => value === section.reuseResults) ?? 'fileEvents';
  return { include: list(section.include), exclude: list(section.exclude), reuseResults: reuse };
}

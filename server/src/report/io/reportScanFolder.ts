import type { EngineSettings } from '../../engine/types';
import type { PathFilterGlobs } from './pathFilter';

/** One workspace folder as a report scans it. */
export interface ReportScanFolder extends PathFilterGlobs {
  name: string;
  /** Absolute file-system path of the folder. */
  root: string;
  /** The folder's own settings (multi-root workspaces can differ per folder). */
  settings: EngineSettings;
  maxFileSizeBytes: number;
  /** `bedrockToSagemaker.report.reuseResults`; default `fileEvents`. */
  reuse?: ReportReuse;
  /** `files.watcherExclude` (enabled keys): changes there are not reported, so events cannot stand for checks. */
  watcherExclude?: readonly string[];
}

/** How a report reuses the results of earlier ones (the `bedrockToSagemaker.report.reuseResults` setting). */
export type ReportReuse = 'fileEvents' | 'modificationTimes' | 'never';

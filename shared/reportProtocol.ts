// The workspace report and Migrate Workspace requests, shared by the client and the language server.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Diagnostic, Range, WorkDoneProgressParams, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** Settings of the report (under `bedrockToSagemaker.`), read per workspace folder. */
export const ReportSettings = {
  /** Globs (relative to the folder); when non-empty, only matching files are scanned. Default []. */
  include: 'report.include',
  /** Globs (relative to the folder) never scanned, on top of files.exclude and .gitignore. Default []. */
  exclude: 'report.exclude',
  /** Show the report's findings of files that are not open in the Problems view. Default true. */
  problems: 'report.problems',
  /** What a report reuses of earlier ones: 'fileEvents' (default), 'modificationTimes' or 'never'. */
  reuseResults: 'report.reuseResults',
} as const;

/** The report's own commands (Generate Migration Report and Migrate Workspace are in protocol.ts `Commands`). */
export const ReportCommands = {
  exportJson: 'bedrockToSagemaker.exportReportJson',
  exportSarif: 'bedrockToSagemaker.exportReportSarif',
  clearProblems: 'bedrockToSagemaker.clearReportProblems',
} as const;

/** Where the editor writes the report, inside the first workspace folder; the scan never enters dot-folders. */
export const REPORT_FOLDER = '.bedrock-to-sagemaker';
export const REPORT_FILE_NAME = 'migration-report.md';

export type ReportFormat = 'markdown' | 'json' | 'sarif';

/** A workspace folder as the client sends it, with the `files.exclude` globs that are on for it. */
export interface ReportFolderParams {
  uri: string;
  name: string;
  filesExclude: string[];
  /**
   * The enabled `files.watcherExclude` globs: the editor reports no file changes there, so a report cannot rely on
   * its events for files they match. Missing: the defaults, which only cover folders the scan skips.
   */
  filesWatcherExclude?: string[];
}

/**
 * `bedrockToSagemaker/generateReport`: scans every folder and, only once the scan is complete, writes the report
 * to `outputUri` (atomically). Cancellable; reports work-done progress with file counts when given a token.
 */
export namespace GenerateReportRequest {
  export const method = 'bedrockToSagemaker/generateReport';
  export const type = new RequestType<GenerateReportParams, GenerateReportResult, void>(method);
}

export interface GenerateReportParams extends WorkDoneProgressParams {
  /** Shown in the title (VS Code's workspace name). */
  workspaceName: string;
  folders: ReportFolderParams[];
  format: ReportFormat;
  /** A `file:` URI; missing folders are created. Markdown links are made relative to it. */
  outputUri: string;
  /** Also return the findings as diagnostics per file, for the Problems view. */
  includeProblems?: boolean;
  /**
   * The user chose `outputUri` in a save dialog that confirmed replacing it: it may lie outside the workspace
   * folders and replace any file but a scanned one. Otherwise the report stays inside the folders and replaces
   * only an earlier report. A refused write answers RequestFailed with the reason.
   */
  overwrite?: boolean;
}

export interface GenerateReportResult {
  outputUri: string;
  feasibility: 'HIGH' | 'MEDIUM' | 'LOW';
  filesScanned: number;
  findings: number;
  skipped: number;
  /**
   * What the scan asked of the file system (files stat-ed and read, folders listed): a report after a few changes
   * touches only those. Approximate when two reports run at once.
   */
  work?: ScanWorkCounts;
  problems?: FileProblems[];
}

export interface FileProblems {
  uri: string;
  diagnostics: Diagnostic[];
}

/**
 * `bedrockToSagemaker/migrateWorkspace`: every safe fix of every file as one WorkspaceEdit whose changes carry
 * annotations that need confirmation (one per file, so the refactor preview lets the user untick files; the
 * client turns confirmation off to apply all or some files directly). Nothing is applied by the server.
 */
export namespace MigrateWorkspaceRequest {
  export const method = 'bedrockToSagemaker/migrateWorkspace';
  export const type = new RequestType<MigrateWorkspaceParams, MigrateWorkspaceResult, void>(method);
}

export interface MigrateWorkspaceParams extends WorkDoneProgressParams {
  folders: ReportFolderParams[];
}

/** Files stat-ed and read, folders listed by a workspace scan. */
export interface ScanWorkCounts {
  filesStatted: number;
  filesRead: number;
  foldersListed: number;
}

export interface MigrateWorkspaceResult {
  edit: WorkspaceEdit;
  /** Files the edit changes (created files not counted). */
  filesChanged: number;
  /** URIs of the files the edit creates (such as the shared Converse adapter), each once. */
  filesCreated: string[];
  /** Findings the edit resolves. */
  fixedFindings: number;
  /** The changed files in the edit's order, so the client can apply a subset without reading the edit's annotations. */
  files: MigratedFile[];
  /** Findings left for a person: unsafe to rewrite, or without an equivalent. Listed, never touched. */
  remaining: RemainingFinding[];
  /**
   * Localized sentences for the summary: after a package.json change, the install command its lockfile needs
   * ("Run npm install to update package-lock.json."), once each. Lockfiles are never edited.
   */
  notes: string[];
  /**
   * What the scan asked of the file system: files the workspace report (or an earlier migration) analysed and that
   * have not changed since are not read again. Approximate when two scans run at once.
   */
  work?: ScanWorkCounts;
}

export interface MigratedFile {
  uri: string;
  /** Path in its folder (with the folder name in multi-root workspaces), as the refactor preview shows it. */
  label: string;
  /** Findings of this file the edit resolves. */
  fixedFindings: number;
  /** URIs in `filesCreated` that this file's changes need (they import the adapter): apply those with it. */
  requires: string[];
}

export interface RemainingFinding {
  uri: string;
  range: Range;
  ruleId: string;
  message: string;
}

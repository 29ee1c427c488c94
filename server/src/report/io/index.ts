// The Node side of the report (file system, no LSP): the workspace scan with globs and a session cache, and
// the atomic write. Shared by the language server, the benchmark and the tests; the CLI uses the plain scanner.
export { collectWorkspaceReport, type ReportHeader } from './collectWorkspaceReport';
export { EventLoopTurns } from './eventLoopTurns';
export { folderAnalyses, type FolderAnalysesOptions } from './folderAnalyses';
export { analyzeReportFile } from './analyzeReportFile';
export { mayRefine, refineForReport } from './reportRefinement';
export { createPathFilter, excludedFolderNames, type PathFilterGlobs } from './pathFilter';
export { type FileAnalysis, ReportCache, type FileStamp } from './reportCache';
export { scanReportFiles, type ReportReuse, type ReportScanFolder, type ReportScanOptions } from './scanReportFiles';
export { type ScanWork, scanWork, scanWorkSince } from './scanWork';
export { type FileChangeKind, WatchedFileLists } from './watchedFileLists';
export { walkReportFolder } from './walkReportFolder';
export { writeFileAtomic } from './writeFileAtomic';

// The workspace migration report: per-file results in, a model out, Markdown (and JSON/SARIF) from the model.
// Pure: no file system, no LSP. The CLI and the language server feed it from their own scans.
export { bucketOf, isRuntimeCode, isUnverifiedSkip } from './classify';
export { buildReport, ReportCollector } from './collector';
export { assessFeasibility, type FeasibilityFacts } from './feasibility';
export { fileHref, relativeHref } from './links';
export { toFileResult } from './fromScan';
export { lineStarts, locateFindings, positionAt } from './locate';
export { localIsoDate } from './reportDate';
export { renderMarkdown, reportFrontMatter, type ReportFrontMatter } from './renderMarkdown';
export { reportStrings } from './strings';
export type * from './types';

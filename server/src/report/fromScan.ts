// Adapts the workspace scanner's results (server/src/workspace) to the report's per-file input. Pure: it only
// converts positions with the result's TextDocument, then lets the text go.
import type { FileScanResult } from '../workspace/types';
import type { FileResult, LocatedFinding } from './types';

/** `path` is the file's path relative to its workspace folder (forward slashes). */
export function toFileResult(folder: string, path: string, result: FileScanResult): FileResult {
  if (result.kind === 'skipped') {
    return { folder, path, findings: [], skipped: { reason: result.reason, message: result.message } };
  }
  const findings = result.findings.map((finding): LocatedFinding => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    equivalent: finding.equivalent,
    fixable: finding.fixable,
    start: result.document.positionAt(finding.range.start),
    end: result.document.positionAt(finding.range.end),
    data: finding.data,
  }));
  return { folder, path, languageId: result.languageId, findings };
}

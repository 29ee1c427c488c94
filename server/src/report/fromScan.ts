// Adapts the workspace scanner's results (server/src/workspace) to the report's per-file input. Pure: it only
// converts positions with the result's TextDocument, then lets the text go.
import type { FileScanResult } from '../workspace/types';
import { locateFinding } from '../formats/locatedFinding';
import type { FileResult } from './types';

/** `path` is the file's path relative to its workspace folder (forward slashes). */
export function toFileResult(folder: string, path: string, result: FileScanResult): FileResult {
  if (result.kind === 'skipped') {
    return { folder, path, findings: [], skipped: { reason: result.reason, message: result.message } };
  }
  const findings = result.findings.map((finding) => locateFinding(finding, (offset) => result.document.positionAt(offset)));
  return { folder, path, languageId: result.languageId, findings };
}

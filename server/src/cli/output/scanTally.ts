import type { Category } from '../../engine/types';
import type { FileScanResult } from '../../workspace';
import { cliFindingsOf, type CliFinding } from '../../formats/cliFinding';
import type { FileMessage } from '../../formats/jsonReport';

/** Counts and side notes every report format needs; the formats differ only in how they print them. */
export class ScanTally {
  filesScanned = 0;
  filesWithFindings = 0;
  findingCount = 0;
  readonly findingsByCategory: Record<Category, number> = { 'has-equivalent': 0, manual: 0, 'no-equivalent': 0 };
  readonly skipped: FileMessage[] = [];
  readonly notices: FileMessage[] = [];

  /** Records one result and returns its findings with line/column positions. */
  add(result: FileScanResult): CliFinding[] {
    if (result.kind === 'skipped') {
      this.skipped.push({ file: result.relativePath, reason: result.reason, message: result.message });
      return [];
    }
    this.filesScanned++;
    for (const notice of result.notices) this.notices.push({ file: result.relativePath, ...notice });
    const findings = cliFindingsOf(result);
    if (findings.length > 0) this.filesWithFindings++;
    this.findingCount += findings.length;
    for (const finding of findings) this.findingsByCategory[finding.category]++;
    return findings;
  }
}

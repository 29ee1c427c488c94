import type { FileScanResult } from '../../workspace';
import type { CliFinding } from '../../formats/cliFinding';
import type { FileMessage } from '../../formats/jsonReport';
import type { Reporter, ReportContext } from './reporter';
import { ScanTally } from './scanTally';

/** A reporter that writes one document at the end (JSON, SARIF): it collects every finding until `finish`. */
export abstract class CollectingReporter implements Reporter {
  protected readonly tally = new ScanTally();
  protected readonly findings: CliFinding[] = [];

  constructor(protected readonly context: ReportContext) {}

  get findingCount(): number {
    return this.tally.findingCount;
  }

  get skipped(): readonly FileMessage[] {
    return this.tally.skipped;
  }

  addFile(result: FileScanResult): void {
    this.findings.push(...this.tally.add(result));
  }

  abstract finish(): void;
}

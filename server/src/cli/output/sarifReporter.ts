import type { FileScanResult } from '../../workspace';
import type { CliFinding } from './cliFinding';
import type { Reporter, ReportContext } from './reporter';
import { buildSarifLog } from './sarifLog';
import { ScanTally } from './scanTally';

/** Writes one SARIF 2.1.0 log at the end (for GitHub code scanning and other SARIF viewers). */
export class SarifReporter implements Reporter {
  private readonly tally = new ScanTally();
  private readonly findings: CliFinding[] = [];

  constructor(private readonly context: ReportContext) {}

  get findingCount(): number {
    return this.tally.findingCount;
  }

  addFile(result: FileScanResult): void {
    this.findings.push(...this.tally.add(result));
  }

  finish(): void {
    const log = buildSarifLog({
      findings: this.findings,
      skipped: this.tally.skipped,
      notices: this.tally.notices,
      targetRegion: this.context.settings.targetRegion,
      cwd: this.context.cwd,
    });
    this.context.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
  }
}

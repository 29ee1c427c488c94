import { CollectingReporter } from './collectingReporter';
import { buildSarifLog } from '../../formats/sarifLog';

/** Writes one SARIF 2.1.0 log at the end (for GitHub code scanning and other SARIF viewers). */
export class SarifReporter extends CollectingReporter {
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

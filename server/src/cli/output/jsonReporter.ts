import type { JsonReport } from '../../formats/jsonReport';
import { TOOL_NAME, TOOL_VERSION } from '../../formats/toolInfo';
import { CollectingReporter } from './collectingReporter';

/** Writes exactly one JSON object, at the end, so the output is always parseable as a whole. */
export class JsonReporter extends CollectingReporter {
  finish(): void {
    const report: JsonReport = {
      tool: TOOL_NAME,
      version: TOOL_VERSION,
      targetRegion: this.context.settings.targetRegion,
      filesScanned: this.tally.filesScanned,
      findings: this.findings,
      skipped: this.tally.skipped,
      notices: this.tally.notices,
    };
    this.context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
}

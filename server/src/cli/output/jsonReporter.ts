import { TOOL_NAME, TOOL_VERSION } from '../../formats/toolInfo';
import type { CliFinding } from '../../formats/cliFinding';
import { CollectingReporter } from './collectingReporter';
import type { FileMessage } from './reporter';

/** The `--format json` document. Its schema is test/cli/cli-json-output.schema.json; extend, never rename. */
export interface JsonReport {
  tool: typeof TOOL_NAME;
  version: string;
  targetRegion: string;
  filesScanned: number;
  findings: CliFinding[];
  /** Files not analysed, with the reason. */
  skipped: FileMessage[];
  /** Files analysed with a caveat (e.g. invalid UTF-8 decoded with replacement characters). */
  notices: FileMessage[];
}

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

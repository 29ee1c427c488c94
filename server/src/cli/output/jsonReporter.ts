import type { FileScanResult } from '../../workspace';
import { TOOL_NAME, TOOL_VERSION } from '../toolInfo';
import type { CliFinding } from './cliFinding';
import type { FileMessage, Reporter, ReportContext } from './reporter';
import { ScanTally } from './scanTally';

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
export class JsonReporter implements Reporter {
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

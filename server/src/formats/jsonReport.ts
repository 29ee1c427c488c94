import type { CliFinding } from './cliFinding';
import type { TOOL_NAME } from './toolInfo';

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
  /** The editor's report export only: each package.json the migration changes or must change, and its install command. */
  installs?: Array<{ file: string; command: string; lockfile?: string }>;
}

/** A file that was not analysed, as the JSON `skipped[]` and `notices[]` arrays show it. */
export interface FileMessage {
  file: string;
  reason: string;
  message: string;
}

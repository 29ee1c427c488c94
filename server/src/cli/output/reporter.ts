import type { EngineSettings } from '../../engine/types';
import type { FileMessage } from '../../formats/jsonReport';
import type { FileScanResult } from '../../workspace';

/** Where a report goes. `isTTY` and `env` decide colour; tests and CI see plain text. */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export interface ReportContext {
  stdout: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  settings: EngineSettings;
  /** The paths as the user typed them, for the "nothing found in ..." message. */
  paths: readonly string[];
}

/** Receives results as the scan streams them and writes the report; `finish` writes whatever waits for the end. */
export interface Reporter {
  addFile(result: FileScanResult): void;
  finish(): void;
  /** Findings reported so far; decides the exit code. */
  readonly findingCount: number;
  /** Files not analysed so far, with the reason; decides the exit code under `--fail-on-skipped`. */
  readonly skipped: readonly FileMessage[];
}

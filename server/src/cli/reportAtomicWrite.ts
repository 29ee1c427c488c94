import * as l10n from '@vscode/l10n';
import { isOwnReport } from '../report/io/ownReport';
import { writeOutputFile } from '../workspace/safeWrite';
import { CliError } from './cliError';
import { escapeControl } from '../formats/terminalText';

export interface ReportWriteOptions {
  /** Files the report scanned: never overwritten. */
  scannedFiles: ReadonlySet<string>;
  /** `--force`: replace an existing file that is not an earlier report. */
  force: boolean;
}

/**
 * `--out`, through the safe-write discipline: a link is followed (not replaced), a scanned file is refused, an
 * existing file that is not an earlier report needs `--force`; the write is atomic. A refusal or failure is a
 * usage/I-O error (exit code 2) with a readable reason.
 */
export async function writeReportFile(path: string, content: string, shownPath: string, options: ReportWriteOptions): Promise<void> {
  const outcome = await writeOutputFile(path, content, { scannedFiles: options.scannedFiles, force: options.force, isOwnOutput: isOwnReport });
  if (!outcome.ok) throw new CliError(l10n.t('Cannot write {0}: {1}', escapeControl(shownPath), outcome.message));
}

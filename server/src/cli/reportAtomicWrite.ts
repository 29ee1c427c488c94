import * as l10n from '@vscode/l10n';
import { writeFileAtomic } from '../report/io/writeFileAtomic';
import { describeIoError } from '../workspace/ioErrors';
import { CliError } from './cliError';

/** `--out`: atomic, and a failure is a usage/I-O error (exit code 2) with a readable reason. */
export async function writeReportFile(path: string, content: string, shownPath: string): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    throw new CliError(l10n.t('Cannot write {0} ({1}).', shownPath, describeIoError(error)));
  }
}

import * as l10n from '@vscode/l10n';
import type { FileMessage } from '../formats/jsonReport';

/**
 * Skip reasons that leave a blind spot: the file may use Bedrock and nobody looked. Not counted: a file the user
 * named whose type the scanner does not read (`unsupported-language`), and `cancelled` (never in the CLI).
 */
const BLIND_SPOT_REASONS: ReadonlySet<string> = new Set(['binary', 'too-large', 'too-complex', 'unreadable', 'not-a-file']);

/** The skipped files that fail the run under `--fail-on-skipped` (the default). */
export function blindSpots(skipped: readonly FileMessage[]): FileMessage[] {
  return skipped.filter((file) => BLIND_SPOT_REASONS.has(file.reason));
}

/** The stderr line explaining exit code 3. */
export function skippedFailureMessage(count: number): string {
  return l10n.t('{0} file(s) could not be analysed (listed above); failing the run. Pass --no-fail-on-skipped to accept them.', count);
}

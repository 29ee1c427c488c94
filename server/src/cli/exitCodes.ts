/**
 * Exit codes are part of the CLI's contract with CI scripts: never renumber them. When several apply, the
 * highest wins: error (2) over fix failures (4) over skipped files (3) over findings (1).
 */
export const ExitCode = {
  /** Nothing to migrate. */
  clean: 0,
  /** At least one finding. */
  findings: 1,
  /** Usage or I/O error; nothing (or not everything) was scanned. */
  error: 2,
  /** Some files were skipped (too large, too deeply nested, binary, unreadable) and `--no-fail-on-skipped` was not given. */
  skipped: 3,
  /** `--fix` could not write some files (changed meanwhile, read-only, outside the scanned folders, encoding). */
  fixFailed: 4,
  /** Cancelled with Ctrl+C (SIGINT), as shells report it (128 + 2); no write was left half done. */
  cancelled: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const PRECEDENCE: readonly ExitCode[] = [ExitCode.cancelled, ExitCode.error, ExitCode.fixFailed, ExitCode.skipped, ExitCode.findings, ExitCode.clean];

/** The most serious of the codes that apply. */
export function worstExitCode(...codes: ExitCode[]): ExitCode {
  return PRECEDENCE.find((code) => codes.includes(code)) ?? ExitCode.clean;
}

/** Exit codes are part of the CLI's contract with CI scripts: never renumber them. */
export const ExitCode = {
  /** Nothing to migrate. */
  clean: 0,
  /** At least one finding. */
  findings: 1,
  /** Usage or I/O error; nothing (or not everything) was scanned. */
  error: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

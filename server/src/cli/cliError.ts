/** A problem the user can fix (bad flag, missing path, unreadable config): exit code 2, message on stderr. */
export class CliError extends Error {
  constructor(message: string, readonly showUsageHint = false) {
    super(message);
    this.name = 'CliError';
  }
}

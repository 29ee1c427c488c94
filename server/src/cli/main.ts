import * as l10n from '@vscode/l10n';
import { setLocale } from '../engine/l10n';
import { CancelledError } from './cancellation';
import { CliError } from './cliError';
import { printConfig } from './config/printConfig';
import { endpointsCommand } from './endpointsCommand';
import { parseEndpointsArguments } from './endpointsArguments';
import { ExitCode } from './exitCodes';
import { parseArguments } from './parseArguments';
import { parseReportArguments } from './reportArguments';
import { reportCommand } from './reportCommand';
import { scanCommand, type CliIo } from './scanCommand';
import { localeFromEnvironment } from './selectLocale';
import { TOOL_NAME, TOOL_VERSION } from '../formats/toolInfo';
import { usageText } from './usage';

/** Runs one CLI invocation and returns its exit code. Never throws: every failure ends as a message and code 2. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // `--exit-zero` (any command): findings still print but do not fail the run, as in other linters.
  const exitZero = argv.includes(EXIT_ZERO_FLAG);
  const code = await runCommand(argv.filter((argument) => argument !== EXIT_ZERO_FLAG), io);
  return exitZero && code === ExitCode.findings ? ExitCode.clean : code;
}

export const EXIT_ZERO_FLAG = '--exit-zero';

async function runCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  setLocale(localeFromEnvironment(io.env));
  try {
    if (argv[0] === 'report') return await reportCommand(parseReportArguments(argv.slice(1)), io);
    if (argv[0] === 'endpoints') return await endpointsCommand(parseEndpointsArguments(argv.slice(1)), io);
    const parsed = parseArguments(argv);
    if (parsed.locale) setLocale(parsed.locale);
    switch (parsed.command) {
      case 'help':
        io.stdout.write(usageText());
        return ExitCode.clean;
      case 'version':
        io.stdout.write(`${TOOL_VERSION}\n`);
        return ExitCode.clean;
      case 'scan':
        return parsed.scan.printConfig ? await printConfig(parsed.scan, io) : await scanCommand(parsed.scan, io);
    }
  } catch (error) {
    if (error instanceof CancelledError) {
      io.stderr.write(`${TOOL_NAME}: ${l10n.t('cancelled')}\n`);
      return ExitCode.cancelled;
    }
    if (error instanceof CliError) {
      io.stderr.write(`${TOOL_NAME}: ${error.message}\n`);
      if (error.showUsageHint) io.stderr.write(`${l10n.t('Run "{0} --help" for usage.', TOOL_NAME)}\n`);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr.write(`${TOOL_NAME}: ${l10n.t('internal error, please report it:')}\n${detail}\n`);
    }
    return ExitCode.error;
  }
}

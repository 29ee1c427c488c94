import type { ScanArguments } from '../parseArguments';
import type { CliIo } from '../scanCommand';
import { ExitCode } from '../exitCodes';
import { loadSettings } from '../loadSettings';
import { TOOL_NAME } from '../../formats/toolInfo';

/**
 * `scan --print-config`: the effective settings as JSON, each with where it came from (a file relative to the
 * current folder, `--region`, or `default`). JSON, so scripts can read it and no sentence needs translating.
 */
export async function printConfig(args: ScanArguments, io: CliIo): Promise<ExitCode> {
  const { settings, warnings, sources } = await loadSettings(args.configPath, args.region, io.cwd);
  for (const warning of warnings) io.stderr.write(`${TOOL_NAME}: ${warning}\n`);
  const effective = Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, { value, source: sources[key] ?? 'default' }]));
  io.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
  return ExitCode.clean;
}

import * as l10n from '@vscode/l10n';
import type { Locale } from '../engine/l10n';
import { TARGET_REGIONS } from '../engine/settings';
import type { TargetRegion } from '../engine/types';
import { CliError } from './cliError';
import type { ConfigRequest } from './config/discoverConfig';
import { parseStrictly } from './parseStrictly';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

export interface ScanArguments {
  paths: string[];
  format: OutputFormat;
  region?: TargetRegion;
  /** `--config`, or where to discover the workspace's settings from (the scanned paths). */
  configPath?: ConfigRequest;
  maxFileSizeKb?: number;
  /** `--print-config`: print the effective settings and where each came from, then exit. */
  printConfig?: boolean;
  /** Apply every safe fix in place (workspace root for created files: the current folder). */
  fix: boolean;
  /** Exit with 3 when files were skipped (too large, too deep, binary, unreadable). Default true; `--no-fail-on-skipped`. */
  failOnSkipped: boolean;
}

export type ParsedCommand =
  | { command: 'help'; locale?: Locale }
  | { command: 'version'; locale?: Locale }
  | { command: 'scan'; locale?: Locale; scan: ScanArguments };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  region: { type: 'string' },
  lang: { type: 'string' },
  config: { type: 'string' },
  'print-config': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  fix: { type: 'boolean' },
  'fail-on-skipped': { type: 'boolean' },
  'no-fail-on-skipped': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;


/** Parses argv (without `node` and the script). Throws CliError with a message naming the bad argument. */
export function parseArguments(argv: readonly string[]): ParsedCommand {
  const { values, positionals } = parseStrictly(argv, OPTIONS);
  const locale = oneOf(values.lang, LOCALES, '--lang');
  if (values.help) return { command: 'help', locale };
  if (values.version) return { command: 'version', locale };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new CliError(l10n.t('Missing command: use "scan".'), true);
  if (command === 'help') return { command: 'help', locale };
  if (command !== 'scan') throw new CliError(l10n.t('Unknown command "{0}": use "scan".', command), true);
  const scanPaths = paths.length > 0 ? paths : ['.'];
  return {
    command: 'scan',
    locale,
    scan: {
      paths: scanPaths,
      format: oneOf(values.format, OUTPUT_FORMATS, '--format') ?? 'text',
      region: oneOf(values.region, TARGET_REGIONS, '--region'),
      configPath: { explicit: values.config as string | undefined, searchFrom: scanPaths },
      maxFileSizeKb: positiveInteger(values['max-file-size'], '--max-file-size'),
      fix: values.fix === true,
      failOnSkipped: failOnSkipped(argv),
      printConfig: values['print-config'] === true,
    },
  };
}


/** The value of a flag that takes one of a fixed set of words; a CliError naming the flag otherwise. */
export function oneOf<T extends string>(value: string | boolean | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(l10n.t('Invalid value "{0}" for {1}: expected one of {2}.', String(value), flag, allowed.join(', ')));
}

/** The value of a flag that takes a size in kilobytes (a whole number, at least 1). */
export function positiveInteger(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new CliError(l10n.t('Invalid value "{0}" for {1}: expected a whole number of kilobytes, at least 1.', String(value), flag));
  }
  return number;
}

/** `--fail-on-skipped` (the default) or `--no-fail-on-skipped`; the last one given wins. */
export function failOnSkipped(argv: readonly string[]): boolean {
  const last = [...argv].reverse().find((argument) => argument === '--fail-on-skipped' || argument === '--no-fail-on-skipped');
  return last !== '--no-fail-on-skipped';
}

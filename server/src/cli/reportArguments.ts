import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import type { Locale } from '../engine/l10n';
import { TARGET_REGIONS } from '../engine/settings';
import type { TargetRegion } from '../engine/types';
import { CliError } from './cliError';
import type { ConfigRequest } from './config/discoverConfig';
import { failOnSkipped, LOCALES, oneOf, positiveInteger } from './parseArguments';

export type ReportFormat = 'markdown' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'json', 'sarif'];

export interface ReportArguments {
  help: boolean;
  locale?: Locale;
  paths: string[];
  format: ReportFormat;
  outPath?: string;
  region?: TargetRegion;
  /** `--config`, or where to discover the workspace's settings from (the scanned paths). */
  configPath?: ConfigRequest;
  maxFileSizeKb?: number;
  /** Exit with 3 when files were skipped; `--no-fail-on-skipped` turns it off. */
  failOnSkipped: boolean;
  /** `--out` may replace an existing file that is not an earlier report (never a scanned file). */
  force: boolean;
}

// The scan options plus --out; same names and short flags as `scan`, so a CI script can switch commands.
const OPTIONS = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  region: { type: 'string' },
  lang: { type: 'string' },
  config: { type: 'string' },
  'max-file-size': { type: 'string' },
  'fail-on-skipped': { type: 'boolean' },
  'no-fail-on-skipped': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Parses the arguments after `report`. Throws CliError naming the bad argument (exit code 2). */
export function parseReportArguments(argv: readonly string[]): ReportArguments {
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = OPTIONS[token.name as OptionName] as (typeof OPTIONS)[OptionName] | undefined;
    if (!option) throw new CliError(l10n.t('Unknown option "{0}".', token.rawName), true);
    if (option.type === 'string' && (token.value === undefined || token.value === '')) {
      throw new CliError(l10n.t('Option "{0}" needs a value.', token.rawName), true);
    }
    if (option.type === 'boolean' && token.value !== undefined) throw new CliError(l10n.t('Option "{0}" takes no value.', token.rawName), true);
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  return {
    help: values.help === true,
    locale: oneOf(values.lang, LOCALES, '--lang'),
    paths,
    format: oneOf(values.format, REPORT_FORMATS, '--format') ?? 'markdown',
    outPath: values.out as string | undefined,
    region: oneOf(values.region, TARGET_REGIONS, '--region'),
    configPath: { explicit: values.config as string | undefined, searchFrom: paths },
    maxFileSizeKb: positiveInteger(values['max-file-size'], '--max-file-size'),
    failOnSkipped: failOnSkipped(argv),
    force: values.force === true,
  };
}

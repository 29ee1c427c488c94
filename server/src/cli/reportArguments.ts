import type { Locale } from '../engine/l10n';
import { TARGET_REGIONS } from '../engine/settings';
import type { TargetRegion } from '../engine/types';
import type { ConfigRequest } from './config/discoverConfig';
import { failOnSkipped, LOCALES, oneOf, positiveInteger } from './parseArguments';
import { parseStrictly } from './parseStrictly';

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

/** Parses the arguments after `report`. Throws CliError naming the bad argument (exit code 2). */
export function parseReportArguments(argv: readonly string[]): ReportArguments {
  const { values, positionals } = parseStrictly(argv, OPTIONS);
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

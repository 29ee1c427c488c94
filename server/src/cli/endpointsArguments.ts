import type { Locale } from '../engine/l10n';
import { TARGET_REGIONS } from '../engine/settings';
import type { TargetRegion } from '../engine/types';
import { LOCALES, oneOf } from './parseArguments';
import { parseStrictly } from './parseStrictly';

export type EndpointsFormat = 'text' | 'json';
export const ENDPOINTS_FORMATS: readonly EndpointsFormat[] = ['text', 'json'];

export interface EndpointsArguments {
  help: boolean;
  locale?: Locale;
  paths: string[];
  profile?: string;
  region?: TargetRegion;
  format: EndpointsFormat;
  /** Merge the proposed mapping into this JSON settings file (inside the current folder). */
  writeConfig?: string;
}

const OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'write-config': { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses the arguments after `endpoints`. Throws CliError naming the bad argument (exit code 2). */
export function parseEndpointsArguments(argv: readonly string[]): EndpointsArguments {
  const { values, positionals } = parseStrictly(argv, OPTIONS);
  return {
    help: values.help === true,
    locale: oneOf(values.lang, LOCALES, '--lang'),
    paths: positionals.length > 0 ? positionals : ['.'],
    profile: values.profile as string | undefined,
    region: oneOf(values.region, TARGET_REGIONS, '--region'),
    format: oneOf(values.format, ENDPOINTS_FORMATS, '--format') ?? 'text',
    writeConfig: values['write-config'] as string | undefined,
  };
}

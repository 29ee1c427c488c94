import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import type { Locale } from '../engine/l10n';
import { TARGET_REGIONS } from '../engine/settings';
import type { TargetRegion } from '../engine/types';
import { CliError } from './cliError';
import { LOCALES, oneOf } from './parseArguments';

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

type OptionName = keyof typeof OPTIONS;

/** Parses the arguments after `endpoints`. Throws CliError naming the bad argument (exit code 2). */
export function parseEndpointsArguments(argv: readonly string[]): EndpointsArguments {
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

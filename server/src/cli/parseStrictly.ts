import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import { CliError } from './cliError';

/** A command's options, as node:util's parseArgs declares them. */
export type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/**
 * node:util's strict mode throws messages that suggest `--` tricks; we check the tokens ourselves so every
 * mistake gets one short sentence that names the offending flag (a usage error, exit code 2).
 */
export function parseStrictly<O extends OptionSpec>(argv: readonly string[], options: O): { values: Partial<Record<keyof O, string | boolean>>; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) throw new CliError(l10n.t('Unknown option "{0}".', token.rawName), true);
    if (option.type === 'string' && (token.value === undefined || token.value === '')) {
      throw new CliError(l10n.t('Option "{0}" needs a value.', token.rawName), true);
    }
    if (option.type === 'boolean' && token.value !== undefined) throw new CliError(l10n.t('Option "{0}" takes no value.', token.rawName), true);
  }
  return { values: values as Partial<Record<keyof O, string | boolean>>, positionals };
}

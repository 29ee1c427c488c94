import { setLocale, toLocale, type Locale } from '../engine/l10n';
import type { LanguageSetting } from '../../../shared/protocol';

/**
 * Picks the language of diagnostics and action titles: the `bedrockToSagemaker.language` setting when it
 * forces one, else VS Code's display language. Returns the locale now in effect.
 */
export function applyLocale(setting: unknown, displayLanguage: string | undefined): Locale {
  const forced = isForcedLanguage(setting) ? setting : undefined;
  const locale = forced ?? toLocale(displayLanguage);
  setLocale(locale);
  return locale;
}

function isForcedLanguage(value: unknown): value is Exclude<LanguageSetting, 'auto'> {
  return value === 'en' || value === 'zh-cn';
}

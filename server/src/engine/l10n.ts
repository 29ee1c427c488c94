import * as l10n from '@vscode/l10n';
import zhCn from '../../../l10n/bundle.l10n.zh-cn.json';

export type Locale = 'en' | 'zh-cn';

const bundles: Record<Locale, Record<string, string>> = { en: {}, 'zh-cn': zhCn };

/** Maps a VS Code display language (`zh-cn`, `zh-CN`, `zh-hans`, `en-us`...) to a supported locale. */
export function toLocale(language: string | undefined): Locale {
  const lower = (language ?? '').toLowerCase();
  return lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh' || lower.startsWith('zh-hans') ? 'zh-cn' : 'en';
}

let current: Locale = 'en';

/** Selects the catalog used by every `l10n.t()` in the engine. Messages are English keys. */
export function setLocale(locale: Locale): void {
  current = locale;
  l10n.config({ contents: bundles[locale] });
}

export function currentLocale(): Locale {
  return current;
}

/** Runs `work` with another locale (e.g. a report forced to Chinese) and restores the previous one. */
export function withLocale<T>(locale: Locale, work: () => T): T {
  const previous = current;
  setLocale(locale);
  try {
    return work();
  } finally {
    setLocale(previous);
  }
}

setLocale('en');

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

type Argument = string | number | boolean;

/** A text `t` formatted, with the arguments it was formatted from. */
interface Formatted {
  args: readonly Argument[];
  text: string;
}

/** How many texts `t` keeps per key: a key's arguments vary little within one file (operations, regions, model ids). */
const KEPT_PER_KEY = 8;
const formattedByLocale: Record<Locale, Map<string, Formatted[]>> = { en: new Map(), 'zh-cn': new Map() };
let formatted = formattedByLocale.en;

/**
 * `l10n.t` for the texts the detectors make again on every keystroke (the same few keys and arguments each time):
 * the catalog lookup and the template's regex formatting done once, then the last texts of each key reused in each
 * locale (issue #13). Same result as `l10n.t`: a locale's catalog never changes while the process runs.
 */
export function t(message: string, ...args: Argument[]): string {
  let recent = formatted.get(message);
  if (recent) {
    for (const entry of recent) if (sameArguments(entry.args, args)) return entry.text;
  } else {
    formatted.set(message, recent = []);
  }
  const text = l10n.t(message, ...args);
  if (recent.length === KEPT_PER_KEY) recent.shift();
  recent.push({ args, text });
  return text;
}

function sameArguments(a: readonly Argument[], b: readonly Argument[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Selects the catalog used by every `l10n.t()` in the engine. Messages are English keys. */
export function setLocale(locale: Locale): void {
  current = locale;
  formatted = formattedByLocale[locale];
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

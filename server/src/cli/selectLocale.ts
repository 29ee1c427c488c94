import { toLocale, type Locale } from '../engine/l10n';

/** The locale from POSIX variables (`zh_CN.UTF-8` → zh-cn), in their usual order of precedence. */
export function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = raw.split('.')[0]!.split('@')[0]!.replace('_', '-');
  return toLocale(language);
}

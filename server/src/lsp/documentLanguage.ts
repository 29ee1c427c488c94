import { isSupportedLanguage } from '../engine/languages';
import { isPackageJsonFileName } from '../engine/packageJson/fileName';
import type { LanguageId } from '../engine/types';
import { PACKAGE_JSON_FILTER, SUPPORTED_LANGUAGE_IDS } from '../../../shared/protocol';

const SERVED = new Set<string>(SUPPORTED_LANGUAGE_IDS);

/**
 * The engine language for a document, or undefined when this server does not analyse it. The engine knows
 * more languages (Python, shell...) for the CLI; the editor integration serves the five we select, plus JSON
 * documents that are a package.json (and not an installed package's).
 */
export function engineLanguageOf(languageId: string, uri: string): LanguageId | undefined {
  if (languageId === PACKAGE_JSON_FILTER.language) return isPackageJsonFileName(uri) && !uri.split('/').includes('node_modules') ? 'json' : undefined;
  return SERVED.has(languageId) && isSupportedLanguage(languageId) ? languageId : undefined;
}

import { isSupportedLanguage } from '../engine/analyze';
import type { LanguageId } from '../engine/types';
import { SUPPORTED_LANGUAGE_IDS } from '../../../shared/protocol';

const SERVED = new Set<string>(SUPPORTED_LANGUAGE_IDS);

/**
 * The engine language for a document, or undefined when this server does not analyse it. The engine knows
 * more languages (Python, shell...) for the CLI; the editor integration only serves the five we select.
 */
export function engineLanguageOf(languageId: string): LanguageId | undefined {
  return SERVED.has(languageId) && isSupportedLanguage(languageId) ? languageId : undefined;
}

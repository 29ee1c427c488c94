import type { LanguageId, ScriptLanguage } from './types';

const SCRIPT_LANGUAGES = new Set<LanguageId>(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

export function isScriptLanguage(languageId: string): languageId is ScriptLanguage {
  return SCRIPT_LANGUAGES.has(languageId as LanguageId);
}

export function isSupportedLanguage(languageId: string): languageId is LanguageId {
  return isScriptLanguage(languageId) || languageId === 'markdown';
}

// Which files name endpoints, and how to read them: the editor's `.vscode/settings.json`, the CLI's config file,
// script files and the code in Markdown documents. Shared by the language server and the CLI so both check the same places.
import { basename } from 'node:path';
import { isScriptLanguage } from '../engine/languages';
import {
  type EndpointReference, endpointReferencesInScript, endpointReferencesInSettings, type SettingsFileKind,
} from '../engine/endpoints/endpointReferences';
import { endpointReferencesInMarkdown } from '../engine/endpoints/markdownEndpointReferences';
import { CONFIG_FILE_NAME } from '../settingsSchema';

/** The kind of settings file a path or URI names, or undefined for any other file. */
export function settingsFileKindOf(pathOrUri: string): SettingsFileKind | undefined {
  const parts = pathOrUri.replace(/\\/g, '/').split('/');
  if (parts.at(-1) === 'settings.json' && parts.at(-2) === '.vscode') return 'vscode-settings';
  if (basename(parts.at(-1) ?? '') === CONFIG_FILE_NAME) return 'cli-config';
  return undefined;
}

/** The endpoint references of a settings file, a script or a Markdown document's code; none for other files. */
export function endpointReferencesOf(text: string, pathOrUri: string, languageId: string): EndpointReference[] {
  const kind = settingsFileKindOf(pathOrUri);
  if (kind) return endpointReferencesInSettings(text, kind);
  if (languageId === 'markdown') return endpointReferencesInMarkdown(text);
  return isScriptLanguage(languageId) ? endpointReferencesInScript(text, languageId) : [];
}

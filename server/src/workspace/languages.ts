import { extname } from 'node:path';
import { isPackageJsonFileName } from '../engine/packageJson/fileName';
import type { LanguageId } from '../engine/types';

/** File extensions the scanner reads, mapped to the VS Code language id the engine expects. */
const LANGUAGE_BY_EXTENSION: ReadonlyMap<string, LanguageId> = new Map<string, LanguageId>([
  ['.ts', 'typescript'],
  ['.mts', 'typescript'],
  ['.cts', 'typescript'],
  ['.tsx', 'typescriptreact'],
  ['.js', 'javascript'],
  ['.mjs', 'javascript'],
  ['.cjs', 'javascript'],
  ['.jsx', 'javascriptreact'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
]);

export const SOURCE_FILE_EXTENSIONS: readonly string[] = [...LANGUAGE_BY_EXTENSION.keys()];

/** Files read by name rather than extension: a package.json lists dependencies (no other JSON file is read). */
export const SOURCE_FILE_NAMES: readonly string[] = ['package.json'];

/** The language id for a file name, or undefined when the scanner does not read that kind of file. */
export function languageIdForPath(path: string): LanguageId | undefined {
  if (isPackageJsonFileName(path)) return 'json';
  // `.d.ts` files are declarations, but a Bedrock type import there still needs migrating: keep them.
  return LANGUAGE_BY_EXTENSION.get(extname(path).toLowerCase());
}

export function isSourceFileName(name: string): boolean {
  return languageIdForPath(name) !== undefined;
}

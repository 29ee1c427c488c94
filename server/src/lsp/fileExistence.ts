import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { isConfinedSync } from '../workspace/safeWrite';

/**
 * Whether a file exists: open in the editor (maybe unsaved) or on disk. Undefined when we cannot tell
 * (a virtual file system), so callers can refuse rather than risk writing the same content twice.
 */
export function fileExists(uri: string, isOpen: (uri: string) => boolean): boolean | undefined {
  if (isOpen(uri)) return true;
  if (!uri.startsWith('file:')) return undefined;
  try {
    return existsSync(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * Whether a file a fix creates would land outside its workspace folder once symbolic links are followed (a linked
 * `src/` pointing elsewhere). Only local folders can be checked; anything else is left to the lexical check.
 */
export function leavesFolder(folder: WorkspaceFolder | undefined, uri: string): boolean {
  if (!folder || !folder.uri.startsWith('file:') || !uri.startsWith('file:')) return false;
  try {
    return !isConfinedSync(fileURLToPath(folder.uri), fileURLToPath(uri));
  } catch {
    return true;
  }
}

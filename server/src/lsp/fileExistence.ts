import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

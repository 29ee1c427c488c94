import type { WorkspaceFolders } from './workspaceFolders';

/**
 * The file name the engine sees (it picks the script kind from the extension and names the file in
 * messages): the workspace-relative path, else the last path segment, else nothing (untitled documents).
 */
export function engineFileName(uri: string, folders: WorkspaceFolders): string | undefined {
  const relative = folders.relativePath(uri);
  if (relative !== undefined) return relative;
  if (uri.startsWith('untitled:')) return undefined;
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  if (last === '') return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

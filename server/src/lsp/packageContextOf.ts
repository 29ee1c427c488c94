import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PackageContext } from '../engine/project/packageContext';
import { PackageContexts } from '../workspace/packageContexts';
import type { WorkspaceFolders } from './workspaceFolders';

/**
 * The package of a file in a local workspace folder, read afresh (a few small reads): package.json and tsconfig
 * edits in the editor take effect on the next code action. Undefined for other schemes and outside every folder.
 */
export function packageContextOf(folders: WorkspaceFolders, uri: string): PackageContext | undefined {
  const folder = folders.folderFor(uri);
  if (!folder || !uri.startsWith('file:') || !folder.uri.startsWith('file:')) return undefined;
  try {
    const root = fileURLToPath(folder.uri);
    // Nothing on disk to read (a virtual or removed folder): the defaults apply.
    if (!statSync(root).isDirectory()) return undefined;
    return new PackageContexts(root).contextOf(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

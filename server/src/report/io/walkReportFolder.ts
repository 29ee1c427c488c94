import type { CancellationToken } from '../../engine/types';
import { DEFAULT_EXCLUDED_FOLDER_NAMES, walkSourceFiles } from '../../workspace';
import type { WalkEntry } from '../../workspace/types';
import { createPathFilter, excludedFolderNames, type PathFilterGlobs } from './pathFilter';

/**
 * The files of one workspace folder the report (and Migrate Workspace) look at: the shared walker (.gitignore,
 * dependency and dot-folders, symlink loops) narrowed by the folder's exclude and include globs. Paths are
 * relative to `root`.
 */
export async function* walkReportFolder(root: string, globs: PathFilterGlobs, token?: CancellationToken): AsyncGenerator<WalkEntry> {
  const included = createPathFilter(globs);
  const entries = walkSourceFiles({
    roots: ['.'],
    cwd: root,
    excludedFolderNames: new Set([...DEFAULT_EXCLUDED_FOLDER_NAMES, ...excludedFolderNames(globs.exclude)]),
    token,
  });
  for await (const entry of entries) if (included(entry.relativePath)) yield entry;
}

import type { CancellationToken } from '../../engine/types';
import { DEFAULT_EXCLUDED_FOLDER_NAMES, walkSourceFiles } from '../../workspace';
import { BLOCKING_FS, type WalkFileSystem } from '../../workspace/fileSystem';
import type { WalkEntry } from '../../workspace/types';
import { EventLoopTurns } from './eventLoopTurns';
import { createPathFilter, excludedFolderNames, type PathFilterGlobs } from './pathFilter';
import { scanWork } from './scanWork';

export interface ReportWalkOptions {
  token?: CancellationToken;
  /** Only this folder-relative path (a file or folder created since the last walk); see WalkOptions.within. */
  within?: string;
  onSymbolicLink?: () => void;
}

/**
 * The walk's file-system calls, blocking like the report's reads (scanReportFiles.ts): a folder listed in a
 * thread-pool round trip cost more CPU than listed in turn, and the scan waited for each. The event loop still gets
 * a turn every 10 ms, even while the walk crosses folders without a file to hand out. Listings are counted
 * (scanWork.foldersListed).
 */
function walkFileSystem(): WalkFileSystem {
  const turns = new EventLoopTurns();
  return {
    ...BLOCKING_FS,
    readdir: async (path) => {
      await turns.maybeYield();
      scanWork.foldersListed++;
      return BLOCKING_FS.readdir(path);
    },
  };
}

/**
 * The files of one workspace folder the report (and Migrate Workspace) look at: the shared walker (.gitignore,
 * dependency and dot-folders, symlink loops) narrowed by the folder's exclude and include globs. Paths are
 * relative to `root`.
 */
export async function* walkReportFolder(root: string, globs: PathFilterGlobs, options: ReportWalkOptions = {}): AsyncGenerator<WalkEntry> {
  const included = createPathFilter(globs);
  const entries = walkSourceFiles({
    roots: ['.'],
    cwd: root,
    excludedFolderNames: new Set([...DEFAULT_EXCLUDED_FOLDER_NAMES, ...excludedFolderNames(globs.exclude)]),
    fileSystem: walkFileSystem(),
    ...options,
  });
  for await (const entry of entries) if (included(entry.relativePath)) yield entry;
}

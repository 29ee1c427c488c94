// Where a folder's files come from for one report: the list kept from file events (no walk, no stat of untouched
// files), or a walk whose results are checked against the files' stamps (and recorded for the next report).
import { DEFAULT_EXCLUDED_FOLDER_NAMES } from '../../workspace';
import type { WalkEntry } from '../../workspace/types';
import type { ReportCache } from './reportCache';
import type { ReportScanFolder } from './reportScanFolder';
import { type FileListUpdate, updateFileList } from './updateFileList';
import { walkReportFolder } from './walkReportFolder';
import type { FolderFileList, WatchedFileLists } from './watchedFileLists';
import type { CancellationToken } from '../../engine/types';

/**
 * How earlier results are reused: `events`, unless a change was reported; `stamps`, while the file's mtime and size
 * are unchanged; `none`, never (every file read again).
 */
export type ReuseMode = 'events' | 'stamps' | 'none';

export interface FolderEntries {
  entries: AsyncIterable<WalkEntry>;
  reuse: ReuseMode;
}

/**
 * The folder's files and how to reuse their results. `key` identifies what a walk of the folder depends on (globs,
 * settings, locale): a list kept under another key is walked again.
 */
export async function folderEntries(
  folder: ReportScanFolder, key: string, cache: ReportCache | undefined, lists: WatchedFileLists | undefined, token?: CancellationToken,
): Promise<FolderEntries> {
  if (!cache || folder.reuse === 'never') return { entries: walkReportFolder(folder.root, folder, { token }), reuse: 'none' };
  const followed = folder.reuse !== 'modificationTimes' && lists && eventsSeeEverything(folder) ? lists : undefined;
  const list = followed?.current(folder.root, key);
  const update = {
    walkWithin: (within: string, onSymbolicLink: () => void) => walkReportFolder(folder.root, folder, { token, within, onSymbolicLink }),
    forget: (path: string) => cache.invalidate(path),
  };
  if (list && (await upToDate(list, update))) return { entries: listed(list), reuse: 'events' };
  if (list) list.stale = true;
  return { entries: recordedWalk(folder, followed?.beginWalk(folder.root, key), token), reuse: 'stamps' };
}

function upToDate(list: FolderFileList, update: FileListUpdate): Promise<boolean> {
  list.updating ??= updateFileList(list, update).finally(() => { list.updating = undefined; });
  return list.updating;
}

async function* listed(list: FolderFileList): AsyncGenerator<WalkEntry> {
  // A copy: changes that come in meanwhile update the list for the next report.
  yield* [...list.entries.values()];
}

/** A walk that also fills `list` (when given); a walk that meets a symbolic link leaves the list unused. */
async function* recordedWalk(folder: ReportScanFolder, list: FolderFileList | undefined, token?: CancellationToken): AsyncGenerator<WalkEntry> {
  const onSymbolicLink = () => { if (list) list.stale = true; };
  for await (const entry of walkReportFolder(folder.root, folder, { token, onSymbolicLink })) {
    list?.entries.set(entry.absolutePath, entry);
    yield entry;
  }
  if (list && !token?.isCancellationRequested) list.complete = true;
}

/**
 * Whether the editor's watcher reports changes everywhere the report looks: `files.watcherExclude` globs are fine
 * when the report skips what they match too (a dot-folder or dependency folder in the pattern, or the same glob
 * in the report's excludes); any other means changes there go unreported, so the files' stamps are checked.
 */
function eventsSeeEverything(folder: ReportScanFolder): boolean {
  return (folder.watcherExclude ?? []).every((glob) => folder.exclude.includes(glob) || onlyUnderSkippedFolders(glob));
}

/** The glob names a folder the walk never enters (a dot-folder above its last name, or node_modules and the like). */
function onlyUnderSkippedFolders(glob: string): boolean {
  const segments = glob.split('/');
  return segments.some((segment, index) =>
    DEFAULT_EXCLUDED_FOLDER_NAMES.has(segment) || (index < segments.length - 1 && /^\.[^.*?[{]/.test(segment)));
}

import { basename, relative, sep } from 'node:path';
import { DEFAULT_EXCLUDED_FOLDER_NAMES } from '../../workspace';
import type { WalkEntry } from '../../workspace/types';

/** How the editor reports a file or folder changed on disk (LSP FileChangeType, by name). */
export type FileChangeKind = 'created' | 'changed' | 'deleted';

// More changes than this between two reports (a checkout, an install): walking again costs less than following them.
const MAX_PENDING_CHANGES = 2000;

/** Folders no walk enters: dot-folders and dependency or build output folders. */
export function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.') || DEFAULT_EXCLUDED_FOLDER_NAMES.has(name);
}

/** Whether `path` lies under a folder every walk from `root` skips (node_modules during an install, .git). */
export function liesUnderSkippedFolder(root: string, path: string): boolean {
  return relative(root, path).split(sep).slice(0, -1).some(isSkippedFolderName);
}

/** One folder's files as its last complete walk found them, and the changes reported since. */
export class FolderFileList {
  /** Walk entries by absolute path, in walk order (until `sortNeeded`). */
  readonly entries = new Map<string, WalkEntry>();
  /** Paths reported created, changed or deleted since the list was last brought up to date, with the last kind. */
  readonly pending = new Map<string, FileChangeKind>();
  /** The walk that fills the list finished (a cancelled one leaves it incomplete, and unused). */
  complete = false;
  /** Something happened that events cannot follow (a .gitignore changed, too many changes): walk again. */
  stale = false;
  /** The update in progress (two reports at once share it rather than each applying half the changes). */
  updating?: Promise<boolean>;

  constructor(readonly root: string, readonly key: string) {}

  contains(path: string): boolean {
    return path === this.root || path.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
  }
}

/**
 * The files of each folder the report walked, kept current from the editor's file events
 * (`workspace/didChangeWatchedFiles`, and saves) so a warm report neither walks nor stats. Only used while the
 * editor watches the workspace for the server; `forgetAll` after anything that changes what a walk would find
 * other than file events (settings, workspace folders).
 */
export class WatchedFileLists {
  private watching = false;
  private readonly lists = new Map<string, FolderFileList>();

  /** The editor now reports every change under the workspace folders. */
  startWatching(): void {
    this.watching = true;
  }

  get isWatching(): boolean {
    return this.watching;
  }

  forgetAll(): void {
    this.lists.clear();
  }

  changed(path: string, kind: FileChangeKind): void {
    for (const list of this.lists.values()) {
      // Under a folder every walk skips: nothing the list can hold.
      if (!list.contains(path) || liesUnderSkippedFolder(list.root, path)) continue;
      // Ignore rules decide what a walk finds everywhere below them.
      if (basename(path) === '.gitignore') list.stale = true;
      list.pending.set(path, kind);
      if (list.pending.size > MAX_PENDING_CHANGES) list.stale = true;
    }
  }

  /** The folder's list when it can stand for a walk (same settings, complete, nothing events cannot follow). */
  current(root: string, key: string): FolderFileList | undefined {
    const list = this.lists.get(root);
    return this.watching && list?.key === key && list.complete && !list.stale ? list : undefined;
  }

  /**
   * A new, empty list for a walk of the folder that is about to start: changes reported while it runs are kept
   * in it, for the next report to apply.
   */
  beginWalk(root: string, key: string): FolderFileList | undefined {
    if (!this.watching) return undefined;
    const list = new FolderFileList(root, key);
    this.lists.set(root, list);
    return list;
  }
}

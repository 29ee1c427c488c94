import { lstat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { isSourceFileName } from '../../workspace/languages';
import type { WalkEntry } from '../../workspace/types';
import { type FolderFileList, liesUnderSkippedFolder } from './watchedFileLists';

export interface FileListUpdate {
  /** Walks one folder-relative path as a full walk would see it (rules on the way, then the file or the folder). */
  walkWithin(relativePath: string, onSymbolicLink: () => void): AsyncIterable<WalkEntry>;
  /** A file whose content may have changed without an event of its own (it was under a replaced folder). */
  forget(absolutePath: string): void;
}

/**
 * Brings a folder's list up to date with the changes reported since: a path created, deleted or changed that is not
 * a listed file may be a folder, so whatever the list holds under it leaves (and is read again if it is still
 * there); each such path still on disk is then walked alone. Changed listed files stay (their cached analyses were
 * dropped when the change came in). False when a change leads to a symbolic link, which events cannot follow for
 * the files reached through it: the folder must be walked.
 */
export async function updateFileList(list: FolderFileList, update: FileListUpdate): Promise<boolean> {
  const changes = [...list.pending];
  list.pending.clear();
  const structural = changes.filter(([path, kind]) => !(kind === 'changed' && list.entries.has(path)) && path !== list.root);
  if (structural.length === 0) return true;
  removeUnder(list, new Set(structural.map(([path]) => path)), update);
  let added = false;
  let sawLink = false;
  for (const [path, kind] of structural) {
    if (kind === 'deleted') continue;
    // Under a folder every walk skips (an install in node_modules): nothing to look at.
    if (liesUnderSkippedFolder(list.root, path)) continue;
    const relativePath = relative(list.root, path).split(sep).join('/');
    const stats = await lstat(path).catch(() => undefined);
    if (!stats) continue; // gone again since
    if (stats.isSymbolicLink()) return false;
    if (!stats.isDirectory() && !isSourceFileName(basename(path))) continue;
    for await (const entry of update.walkWithin(relativePath, () => { sawLink = true; })) {
      if (list.entries.has(entry.absolutePath)) continue;
      list.entries.set(entry.absolutePath, entry);
      added = true;
    }
    if (sawLink) return false;
  }
  if (added) sortInWalkOrder(list);
  return true;
}

/** Takes out each listed path that is one of `paths` or lies under one of them. */
function removeUnder(list: FolderFileList, paths: ReadonlySet<string>, update: FileListUpdate): void {
  for (const path of list.entries.keys()) {
    if (!isAtOrUnder(path, paths, list.root)) continue;
    list.entries.delete(path);
    update.forget(path);
  }
}

function isAtOrUnder(path: string, paths: ReadonlySet<string>, root: string): boolean {
  for (let current = path; current.length > root.length; current = current.slice(0, current.lastIndexOf(sep))) {
    if (paths.has(current)) return true;
  }
  return false;
}

/** The walk's order without links: depth first, names sorted by code unit, which is the order of the name sequences. */
function sortInWalkOrder(list: FolderFileList): void {
  const sorted = [...list.entries.values()].sort((a, b) => compareNameSequences(a.relativePath.split('/'), b.relativePath.split('/')));
  list.entries.clear();
  for (const entry of sorted) list.entries.set(entry.absolutePath, entry);
}

function compareNameSequences(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}

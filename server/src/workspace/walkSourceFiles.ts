import * as l10n from '@vscode/l10n';
import type { Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CancellationToken } from '../engine/types';
import { NON_BLOCKING_FS, type WalkFileSystem } from './fileSystem';
import { GitignoreStack } from './gitignore';
import { describeIoError } from './ioErrors';
import { isSourceFileName } from './languages';
import { toRelativePath } from './relativePath';
import type { FileCandidate, WalkEntry, WalkProblem } from './types';

/** Dependency and build-output folders, skipped at any depth. Dot-folders (.git, .vscode...) are skipped too. */
export const DEFAULT_EXCLUDED_FOLDER_NAMES: ReadonlySet<string> = new Set(['node_modules', 'out', 'dist', 'build', 'coverage']);

export interface WalkOptions {
  /** Folders to walk and files to take as they are; absolute or relative to `cwd`. */
  roots: readonly string[];
  /** Base of every `relativePath`. */
  cwd: string;
  excludedFolderNames?: ReadonlySet<string>;
  /** Honour `.gitignore` files (nested ones and those above a root, up to the repository top). Default true. */
  useGitignore?: boolean;
  /** How the walk reaches the disk; non-blocking unless the caller says otherwise (the CLI, the report's walk). */
  fileSystem?: WalkFileSystem;
  /**
   * Only this path below the root (forward slashes): the walk goes down to it, deciding on each folder on the way
   * as a full walk does, and yields the file or what the folder holds. For a path that appeared since a full walk.
   */
  within?: string;
  /** Called for each symbolic link met (a file reached through a link has two paths a change can be reported under). */
  onSymbolicLink?: () => void;
  token?: CancellationToken;
}

/**
 * Streams the source files under `roots` in a stable order (depth first, names sorted, links last), one folder
 * listing at a time. Explicitly named files are always yielded, even if ignored or unsupported, so
 * the reader can say why it skips them. Folders reached twice through symbolic links (loops included)
 * are walked once; a file reached through several links is yielded once. Folders that cannot be read
 * and broken links come out as `WalkProblem`s instead of throwing.
 */
export async function* walkSourceFiles(options: WalkOptions): AsyncGenerator<WalkEntry> {
  const walker = new TreeWalker(options);
  for (const root of options.roots) {
    if (options.token?.isCancellationRequested) return;
    yield* walker.walkRoot(resolve(options.cwd, root));
  }
}

type EntryType = 'folder' | 'file' | 'other' | { brokenLink: unknown };

class TreeWalker {
  private readonly visitedFolders = new Set<string>();
  private readonly visitedFiles = new Set<string>();
  private readonly excludedFolderNames: ReadonlySet<string>;
  private readonly useGitignore: boolean;
  private readonly fs: WalkFileSystem;

  constructor(private readonly options: WalkOptions) {
    this.excludedFolderNames = options.excludedFolderNames ?? DEFAULT_EXCLUDED_FOLDER_NAMES;
    this.useGitignore = options.useGitignore ?? true;
    this.fs = options.fileSystem ?? NON_BLOCKING_FS;
  }

  async *walkRoot(path: string): AsyncGenerator<WalkEntry> {
    let isFolder: boolean;
    try {
      isFolder = (await this.fs.stat(path)).isDirectory();
    } catch (error) {
      yield this.problem(path, error);
      return;
    }
    if (isFolder) {
      const within = this.options.within?.split('/').filter((segment) => segment !== '' && segment !== '.') ?? [];
      yield* this.walkFolder(path, this.useGitignore ? await GitignoreStack.above(path, this.fs) : GitignoreStack.empty, undefined, within);
    } else if (this.firstVisit(await this.fs.realpath(path).catch(() => path))) {
      yield this.candidate(path, true);
    }
  }

  /**
   * @param knownRealFolder the folder's real path when the caller knows it (a sub-folder of a real folder, not a link)
   * @param within the names still to follow down to the one path the walk is limited to (empty: the whole folder)
   */
  private async *walkFolder(folder: string, outerRules: GitignoreStack, knownRealFolder?: string, within: readonly string[] = []): AsyncGenerator<WalkEntry> {
    let realFolder: string;
    let entries: Dirent[];
    try {
      realFolder = knownRealFolder ?? await this.fs.realpath(folder);
      if (this.visitedFolders.has(realFolder)) return; // a symbolic-link loop, or a second link to one folder
      this.visitedFolders.add(realFolder);
      entries = await this.fs.readdir(folder);
    } catch (error) {
      yield this.problem(folder, error);
      return;
    }
    entries.sort(realEntriesFirstByName);
    const hasGitignore = this.useGitignore && entries.some((entry) => entry.name === '.gitignore');
    const rules = await outerRules.enter(folder, hasGitignore, this.fs);
    const ignores = rules.inFolder(folder);
    let relativeFolder: string | undefined;
    for (const entry of entries) {
      if (this.options.token?.isCancellationRequested) return;
      if (within.length > 0 && entry.name !== within[0]) continue;
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) this.options.onSymbolicLink?.();
      const type = entry.isSymbolicLink() ? await linkType(path, this.fs) : entryType(entry);
      if (type === 'folder') {
        if (this.isExcludedFolder(entry.name) || ignores.isIgnored(entry.name, true)) continue;
        // A folder entry that is not a link is where its parent's real path says: no system call for its real path.
        yield* this.walkFolder(path, rules, entry.isSymbolicLink() ? undefined : join(realFolder, entry.name), within.slice(1));
      } else if (within.length > 1) {
        continue; // a file where the path goes on into a folder
      } else if (!isSourceFileName(entry.name) || ignores.isIgnored(entry.name, false)) {
        continue;
      } else if (type === 'file') {
        const realPath = entry.isSymbolicLink() ? await this.fs.realpath(path).catch(() => path) : join(realFolder, entry.name);
        relativeFolder ??= toRelativePath(this.options.cwd, folder);
        if (this.firstVisit(realPath)) yield this.candidateIn(relativeFolder, path, entry.name);
      } else if (type !== 'other') {
        yield this.problem(path, type.brokenLink);
      }
    }
  }

  private isExcludedFolder(name: string): boolean {
    return name.startsWith('.') || this.excludedFolderNames.has(name);
  }

  private firstVisit(realPath: string): boolean {
    if (this.visitedFiles.has(realPath)) return false;
    this.visitedFiles.add(realPath);
    return true;
  }

  private candidate(absolutePath: string, explicit: boolean): FileCandidate {
    return { kind: 'file', absolutePath, relativePath: toRelativePath(this.options.cwd, absolutePath), explicit };
  }

  /** The same for an entry of a folder: the folder's relative path worked out once for all its files. */
  private candidateIn(relativeFolder: string, absolutePath: string, name: string): FileCandidate {
    return { kind: 'file', absolutePath, relativePath: relativeFolder === '.' ? name : `${relativeFolder}/${name}`, explicit: false };
  }

  private problem(absolutePath: string, error: unknown): WalkProblem {
    const message = l10n.t('Skipped: cannot read it ({0}).', describeIoError(error));
    return { kind: 'problem', reason: 'unreadable', absolutePath, relativePath: toRelativePath(this.options.cwd, absolutePath), message };
  }
}

/**
 * Sorted by name (code units, not locale: the order must not depend on the machine), with symbolic
 * links last, so a file reachable both directly and through a link is reported under its real path.
 */
function realEntriesFirstByName(a: Dirent, b: Dirent): number {
  const byKind = Number(a.isSymbolicLink()) - Number(b.isSymbolicLink());
  return byKind !== 0 ? byKind : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** What an entry that is not a symbolic link is (no await: most entries of a walk). */
function entryType(entry: Dirent): EntryType {
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
}

/** Resolves a symbolic link so a link to a folder is walked and a link to a file is read. */
async function linkType(path: string, fs: WalkFileSystem): Promise<EntryType> {
  try {
    const target = await fs.stat(path);
    return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
  } catch (error) {
    const dangling = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { brokenLink: dangling ? new Error(l10n.t('broken symbolic link')) : error };
  }
}

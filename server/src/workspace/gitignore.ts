import ignore, { type Ignore } from 'ignore';
import { dirname, join } from 'node:path';
import { NON_BLOCKING_FS, type WalkFileSystem } from './fileSystem';
import { toRelativePath } from './relativePath';

/** The rules of one `.gitignore`, which apply to paths below the folder that holds it. */
interface IgnoreLayer {
  folder: string;
  rules: Ignore;
  /** Every rule matches on the last name of a path alone (see matchesByName). */
  byName: boolean;
}

/**
 * The `.gitignore` files that apply to a folder, outermost first. Immutable: entering a sub-folder
 * with its own `.gitignore` makes a new stack, so sibling folders never see each other's rules.
 */
export class GitignoreStack {
  static readonly empty = new GitignoreStack([]);

  private constructor(private readonly layers: readonly IgnoreLayer[]) {}

  /**
   * The `.gitignore` files above `folder` up to the top of its git repository, so `scan src` from a
   * repository root honours the root `.gitignore`. Outside a repository only the folder's own count.
   */
  static async above(folder: string, fs: WalkFileSystem = NON_BLOCKING_FS): Promise<GitignoreStack> {
    if (dirname(folder) === folder || (await exists(fs, join(folder, '.git')))) return GitignoreStack.empty;
    const ancestors: string[] = []; // innermost first
    for (let current = dirname(folder); ; current = dirname(current)) {
      ancestors.push(current);
      if (await exists(fs, join(current, '.git'))) break;
      if (dirname(current) === current) return GitignoreStack.empty; // not inside a repository
    }
    let stack = GitignoreStack.empty;
    for (const ancestor of ancestors.reverse()) stack = await stack.enter(ancestor, true, fs);
    // Naming an ignored folder (`scan dist`) is a request to scan it: its ancestors' rules would hide it all.
    return stack.isIgnored(folder, true) ? GitignoreStack.empty : stack;
  }

  /** The stack for `folder`, adding its `.gitignore` if it has one. */
  async enter(folder: string, hasGitignore: boolean, fs: WalkFileSystem = NON_BLOCKING_FS): Promise<GitignoreStack> {
    if (!hasGitignore) return this;
    const content = await fs.readText(join(folder, '.gitignore')).catch(() => undefined);
    if (content === undefined) return this;
    return new GitignoreStack([...this.layers, { folder, rules: ignore().add(content), byName: matchesByName(content) }]);
  }

  /** Git's precedence: the deepest `.gitignore` with a matching rule (ignore or `!` re-include) decides. */
  isIgnored(path: string, isFolder: boolean): boolean {
    return this.verdict((layer) => toRelativePath(layer.folder, path), isFolder);
  }

  /**
   * The same test for the entries of one folder, by name: each layer's path to the folder is worked out once for
   * all of them rather than once per entry (a walk asks about every file).
   */
  inFolder(folder: string): FolderIgnores {
    if (this.layers.length === 0) return NOTHING_IGNORED;
    // Innermost first, as `verdict` asks them. A layer whose rules all match by name tests the folder once (the
    // `ignore` package answers for the folder itself when it is ignored) and then each entry by its name alone:
    // the same answers, without a path per entry for the package to split, join and cache.
    const tests = this.layers.map((layer): LayerTest => {
      const relativeFolder = toRelativePath(layer.folder, folder);
      const prefix = relativeFolder === '.' ? '' : `${relativeFolder}/`;
      if (!layer.byName || prefix === '') return (path) => layer.rules.test(prefix + path);
      const folderVerdict = layer.rules.test(prefix);
      return folderVerdict.ignored ? () => folderVerdict : (path) => layer.rules.test(path);
    }).reverse();
    return { isIgnored: (name, isFolder) => verdictOf(tests, name + (isFolder ? '/' : '')) };
  }

  private verdict(relativePathIn: (layer: IgnoreLayer) => string, isFolder: boolean): boolean {
    return verdictOf([...this.layers].reverse().map((layer) => (path: string) => layer.rules.test(relativePathIn(layer) + path)), isFolder ? '/' : '');
  }
}

/** One layer's test of an entry of a folder (a name, `/`-terminated for a folder), as `Ignore.test` answers. */
type LayerTest = (path: string) => { ignored: boolean; unignored: boolean };

/** Git's precedence over layers given innermost first: the first with a matching rule (ignore or `!` re-include) decides. */
function verdictOf(innermostFirst: readonly LayerTest[], path: string): boolean {
  for (const test of innermostFirst) {
    const verdict = test(path);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * Whether every rule of a `.gitignore` decides on the last name of a path alone: a pattern without a slash (but a
 * trailing one) matches that name at any depth (the `ignore` package anchors such patterns at the end of the path),
 * so the answer for `a/b/name` is the answer for `name` unless a folder above is ignored. Anything else (a slash
 * inside, `**`, an escape) is left to the package, path by path.
 */
function matchesByName(content: string): boolean {
  return content.split(/\r?\n/).every((line) => {
    const pattern = line.trim();
    if (pattern === '' || pattern.startsWith('#')) return true;
    return !pattern.includes('\\') && !pattern.includes('**') && !pattern.slice(0, -1).includes('/');
  });
}

/** Whether an entry of one folder, given by name, is ignored (see GitignoreStack.inFolder). */
export interface FolderIgnores {
  isIgnored(name: string, isFolder: boolean): boolean;
}

const NOTHING_IGNORED: FolderIgnores = { isIgnored: () => false };

async function exists(fs: WalkFileSystem, path: string): Promise<boolean> {
  return fs.stat(path).then(() => true, () => false);
}

import ignore, { type Ignore } from 'ignore';
import { dirname, join } from 'node:path';
import { NON_BLOCKING_FS, type WalkFileSystem } from './fileSystem';
import { toRelativePath } from './relativePath';

/** The rules of one `.gitignore`, which apply to paths below the folder that holds it. */
interface IgnoreLayer {
  folder: string;
  rules: Ignore;
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
    return new GitignoreStack([...this.layers, { folder, rules: ignore().add(content) }]);
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
    const prefixes = new Map(this.layers.map((layer) => {
      const relativeFolder = toRelativePath(layer.folder, folder);
      return [layer, relativeFolder === '.' ? '' : `${relativeFolder}/`];
    }));
    return { isIgnored: (name, isFolder) => this.verdict((layer) => prefixes.get(layer)! + name, isFolder) };
  }

  private verdict(relativePathIn: (layer: IgnoreLayer) => string, isFolder: boolean): boolean {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index]!;
      const verdict = layer.rules.test(relativePathIn(layer) + (isFolder ? '/' : ''));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

/** Whether an entry of one folder, given by name, is ignored (see GitignoreStack.inFolder). */
export interface FolderIgnores {
  isIgnored(name: string, isFolder: boolean): boolean;
}

const NOTHING_IGNORED: FolderIgnores = { isIgnored: () => false };

async function exists(fs: WalkFileSystem, path: string): Promise<boolean> {
  return fs.stat(path).then(() => true, () => false);
}

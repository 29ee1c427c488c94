import { minimatch } from 'minimatch';

/** Globs relative to a workspace folder, VS Code style (`**\/generated/**`, `src/**\/*.ts`, `{a,b}`). */
export interface PathFilterGlobs {
  /** `files.exclude` (the enabled keys) plus `bedrockToSagemaker.report.exclude`. */
  exclude: readonly string[];
  /** `bedrockToSagemaker.report.include`; empty means every file the scanner reads. */
  include: readonly string[];
}

const OPTIONS = { dot: true, nocase: process.platform === 'win32' || process.platform === 'darwin' };

/**
 * Decides whether a folder-relative path (forward slashes) is in the report. A pattern that matches a
 * folder excludes everything inside it, as in VS Code's `files.exclude`.
 */
export function createPathFilter(globs: PathFilterGlobs): (relativePath: string) => boolean {
  const exclude = globs.exclude.filter((glob) => glob.trim() !== '');
  const include = globs.include.filter((glob) => glob.trim() !== '');
  return (relativePath) => {
    if (include.length > 0 && !include.some((glob) => minimatch(relativePath, glob, OPTIONS))) return false;
    return !selfAndAncestors(relativePath).some((path) => exclude.some((glob) => minimatch(path, glob, OPTIONS)));
  };
}

/** `a/b/c.ts` → `a`, `a/b`, `a/b/c.ts`. */
function selfAndAncestors(relativePath: string): string[] {
  const segments = relativePath.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

/**
 * Folder names that `**\/name` (or `**\/name/**`) patterns exclude everywhere, so the walker can skip them
 * without listing their contents; everything else is filtered per file.
 */
export function excludedFolderNames(exclude: readonly string[]): string[] {
  return exclude.flatMap((glob) => /^\*\*\/([^*?[\]{}/!]+)(\/\*\*)?\/?$/.exec(glob.trim())?.[1] ?? []);
}

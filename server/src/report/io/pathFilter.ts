import { Minimatch } from 'minimatch';

/** Globs relative to a workspace folder, VS Code style (`**\/generated/**`, `src/**\/*.ts`, `{a,b}`). */
export interface PathFilterGlobs {
  /** `files.exclude` (the enabled keys) plus `bedrockToSagemaker.report.exclude`. */
  exclude: readonly string[];
  /** `bedrockToSagemaker.report.include`; empty means every file the scanner reads. */
  include: readonly string[];
}

const NOCASE = process.platform === 'win32' || process.platform === 'darwin';
const OPTIONS = { dot: true, nocase: NOCASE };

// `**/name`: a name at any depth, without anything minimatch would read as a pattern (wildcards, classes, braces,
// extglobs, escapes, negation).
const ANY_DEPTH_NAME = /^\*\*\/([^*?[\]{}()/!\\]+)$/;

/**
 * Decides whether a folder-relative path (forward slashes) is in the report. A pattern that matches a
 * folder excludes everything inside it, as in VS Code's `files.exclude`. Each glob is compiled once (the report
 * asks about every file), and `**\/name` globs (most of VS Code's default `files.exclude`) are a set of names
 * compared with each segment, which is what minimatch answers for them on the path and its ancestors.
 */
export function createPathFilter(globs: PathFilterGlobs): (relativePath: string) => boolean {
  const exclude = globs.exclude.map((glob) => glob.trim()).filter((glob) => glob !== '');
  const include = globs.include.filter((glob) => glob.trim() !== '').map((glob) => new Minimatch(glob, OPTIONS));
  const excludedNames = new Set(exclude.flatMap((glob) => ANY_DEPTH_NAME.exec(glob)?.[1] ?? []).map(caseOf));
  const excludePatterns = exclude.filter((glob) => !ANY_DEPTH_NAME.test(glob)).map((glob) => new Minimatch(glob, OPTIONS));
  return (relativePath) => {
    if (include.length > 0 && !include.some((pattern) => pattern.match(relativePath))) return false;
    if (excludedNames.size > 0 && relativePath.split('/').some((segment) => excludedNames.has(caseOf(segment)))) return false;
    if (excludePatterns.length === 0) return true;
    return !selfAndAncestors(relativePath).some((path) => excludePatterns.some((pattern) => pattern.match(path)));
  };
}

function caseOf(name: string): string {
  return NOCASE ? name.toLowerCase() : name;
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

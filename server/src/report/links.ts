// File links in the Markdown report. They are relative to the report's own directory, so they work in VS Code's
// preview (which also understands the `#L12` fragment) and on GitHub, wherever the workspace is checked out.
import * as path from 'node:path';
import type { ReportFolder } from './types';

const WINDOWS_DRIVE = /^([a-zA-Z]):\//;

/**
 * Native separators to `/`, for Windows paths only (a drive letter or a UNC prefix): on POSIX a backslash is an
 * ordinary character of a file name and must stay one (it is percent-encoded in the link).
 */
function toSlashes(value: string): string {
  return /^(?:[a-zA-Z]:[\\/]|\\\\)/.test(value) ? value.replace(/\\/g, '/') : value;
}

/** Percent-encodes each segment; parentheses too, because they would end a Markdown link destination. */
export function encodeHrefPath(value: string): string {
  return value
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

/** Href from the directory `fromDir` to the file `toFile` (both absolute, native or forward slashes). */
export function relativeHref(fromDir: string, toFile: string): string {
  const windows = /^(?:[a-zA-Z]:[\\/]|\\\\)/.test(fromDir);
  const from = toSlashes(fromDir);
  const to = windows ? toFile.replace(/\\/g, '/') : toSlashes(toFile);
  const fromDrive = WINDOWS_DRIVE.exec(from)?.[1].toLowerCase() ?? '';
  const toDrive = WINDOWS_DRIVE.exec(to)?.[1].toLowerCase() ?? '';
  if (fromDrive !== toDrive) {
    // No relative path between two drives: fall back to an absolute file URI.
    const drive = WINDOWS_DRIVE.exec(to)?.[0] ?? '';
    return `file://${to.startsWith('/') ? '' : '/'}${drive}${encodeHrefPath(to.slice(drive.length))}`;
  }
  const strip = (value: string) => (fromDrive ? value.slice(2) : value);
  return encodeHrefPath(path.posix.relative(strip(from), strip(to)));
}

/**
 * Href of a workspace file as seen from the report. Without a `linkBase` (e.g. a report printed to a terminal)
 * the folder-relative path is the best we can do.
 */
export function fileHref(folders: readonly ReportFolder[], linkBase: string | undefined, folder: string, filePath: string): string {
  const root = folders.find((candidate) => candidate.name === folder)?.root;
  if (linkBase === undefined || root === undefined) return encodeHrefPath(filePath);
  // `filePath` is folder-relative with `/` separators already; a backslash in it belongs to a name.
  const base = toSlashes(root).replace(/\/$/, '');
  if (/^(?:[a-zA-Z]:[\\/]|\\\\)/.test(root)) return relativeHref(linkBase, `${base}/${filePath}`);
  return encodeHrefPath(path.posix.relative(linkBase, `${base}/${filePath}`));
}

/** The `#L` fragment VS Code and GitHub use to open a file at a one-based line. */
export function lineFragment(zeroBasedLine: number): string {
  return `#L${zeroBasedLine + 1}`;
}

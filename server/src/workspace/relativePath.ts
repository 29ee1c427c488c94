import { relative, sep } from 'node:path';

/** `path` relative to `base` with forward slashes on every platform, as reports and SARIF expect. */
export function toRelativePath(base: string, path: string): string {
  const relativePath = relative(base, path);
  const portable = sep === '/' ? relativePath : relativePath.split(sep).join('/');
  return portable === '' ? '.' : portable;
}

/** True when a path (either separator) names a `package.json`. npm reads no other spelling, so neither do we. */
export function isPackageJsonFileName(fileName: string | undefined): boolean {
  if (fileName === undefined) return false;
  const lastSlash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(lastSlash + 1) === 'package.json';
}

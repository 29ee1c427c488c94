import { basename, dirname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** File names a file URL keeps as they are: letters, digits, `.`, `_`, `-` (unreserved in URLs; `~` is too, yet Node 20 encodes it). */
const KEPT_AS_IS = /^[A-Za-z0-9._-]+$/;

/**
 * `pathToFileURL(absolutePath).href`, faster for the files of one folder in a row (a scan yields them so): the
 * folder's URL is worked out once, and a file name that needs no encoding is appended to it. pathToFileURL costs a
 * few microseconds per file, a noticeable part of scanning a large tree.
 */
export class FileUris {
  private folder: string | undefined;
  private folderHref = '';

  of(absolutePath: string): string {
    const name = basename(absolutePath);
    const folder = dirname(absolutePath);
    if (!KEPT_AS_IS.test(name) || name === '.' || name === '..' || absolutePath.endsWith(sep) || absolutePath.endsWith('/')) {
      return pathToFileURL(absolutePath).href;
    }
    if (folder !== this.folder) {
      this.folder = folder;
      this.folderHref = pathToFileURL(folder).href;
    }
    return this.folderHref.endsWith('/') ? `${this.folderHref}${name}` : `${this.folderHref}/${name}`;
  }
}

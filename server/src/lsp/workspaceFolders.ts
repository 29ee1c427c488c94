import type { WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';

/**
 * The open workspace folders, so one server can serve a multi-root workspace. A document belongs to the
 * folder with the longest URI prefix (nested folders win over their parents).
 */
export class WorkspaceFolders {
  private folders: WorkspaceFolder[] = [];
  /** The last document's relative path: asked twice on each keystroke (its file name, its place for fixes), for one URI. */
  private lastRelative: { uri: string; relative: string | undefined } | undefined;

  reset(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = [...(folders ?? [])];
    this.lastRelative = undefined;
  }

  apply(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((folder) => withSlash(folder.uri)));
    this.folders = this.folders.filter((folder) => !removed.has(withSlash(folder.uri))).concat(event.added);
    this.lastRelative = undefined;
  }

  folderFor(uri: string): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined;
    for (const folder of this.folders) {
      const prefix = withSlash(folder.uri);
      if (uri.startsWith(prefix) && (!best || prefix.length > withSlash(best.uri).length)) best = folder;
    }
    return best;
  }

  /** The document's path relative to its folder (decoded, forward slashes), or undefined outside every folder. */
  relativePath(uri: string): string | undefined {
    if (this.lastRelative?.uri === uri) return this.lastRelative.relative;
    const folder = this.folderFor(uri);
    const relative = folder && decodeSegments(uri.slice(withSlash(folder.uri).length));
    this.lastRelative = { uri, relative };
    return relative;
  }

  /**
   * The URI of `relativePath` inside `folder`, each segment encoded the way VS Code encodes URIs. Undefined
   * for a path that would leave the folder (`..`): a fix never writes outside the workspace.
   */
  static resolve(folder: WorkspaceFolder, relativePath: string): string | undefined {
    const segments = relativePath.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
    if (segments.length === 0 || segments.includes('..')) return undefined;
    return withSlash(folder.uri) + segments.map(encodeURIComponent).join('/');
  }
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function decodeSegments(path: string): string {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }).join('/');
}

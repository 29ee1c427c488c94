import { fileURLToPath } from 'node:url';
import { type Connection, DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import type { FileChangeKind, ReportCache, WatchedFileLists } from '../report/io';
import { type ErrorLog, logError } from './errors';

const KIND: Record<FileChangeType, FileChangeKind> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/**
 * Feeds the editor's file events to the report's cache and file lists: a warm report then re-reads only what
 * changed. The watcher covers every path (`**\/*`): a folder created or deleted comes as one event for the folder.
 * Without dynamic registration of watchers nothing is registered, and reports check every file's stamp as before.
 */
export class ReportFileEvents {
  constructor(private readonly cache: ReportCache, private readonly lists: WatchedFileLists, private readonly log: ErrorLog) {}

  /** Asks the client to watch the workspace; file events count only once it has agreed. */
  async watch(connection: Connection, canRegister: boolean): Promise<void> {
    connection.onDidChangeWatchedFiles((params) => params.changes.forEach((change) => this.fileChanged(change)));
    if (!canRegister) return;
    try {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
      this.lists.startWatching();
    } catch (error) {
      logError(this.log, 'registering the file watcher', error);
    }
  }

  /** A document saved in the editor: its file changed now, before the watcher's event comes in. */
  saved(uri: string): void {
    this.fileChanged({ uri, type: FileChangeType.Changed });
  }

  /** Settings or workspace folders changed: what a walk finds may differ in ways no file event tells. */
  environmentChanged(): void {
    this.lists.forgetAll();
  }

  private fileChanged(event: FileEvent): void {
    if (!event.uri.startsWith('file:')) return;
    let path: string;
    try {
      path = fileURLToPath(event.uri);
    } catch {
      return;
    }
    this.cache.invalidate(path);
    this.lists.changed(path, KIND[event.type] ?? 'changed');
  }
}

import { type Dirent, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';

/** The file-system calls the workspace walk makes. */
export interface WalkFileSystem {
  stat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<Dirent[]>;
  readText(path: string): Promise<string>;
}

/** The default: nothing blocks the event loop while the disk answers. */
export const NON_BLOCKING_FS: WalkFileSystem = {
  stat: (path) => stat(path),
  realpath: (path) => realpath(path),
  readdir: (path) => readdir(path, { withFileTypes: true }),
  readText: (path) => readFile(path, 'utf8'),
};

/**
 * The same calls made synchronously behind the same promises: for the CLI, which has nothing else to serve and
 * would otherwise spend its time waiting on thread-pool round trips, and the report's walk (walkReportFolder.ts),
 * which gives the event loop turns in between.
 */
export const BLOCKING_FS: WalkFileSystem = {
  stat: async (path) => statSync(path),
  // The system's realpath, as fs/promises' realpath is: one call, where realpathSync's own walk lstats each component.
  realpath: async (path) => realpathSync.native(path),
  readdir: async (path) => readdirSync(path, { withFileTypes: true }),
  readText: async (path) => readFileSync(path, 'utf8'),
};

/**
 * What the report's scans asked of the file system, so tests can check that a warm report leaves untouched files
 * alone (counted, not timed). Plain counters for the process's lifetime; readers take differences.
 */
export const scanWork = {
  /** `stat` calls on files: checking a cached result against the file, or stamping a file about to be read. */
  filesStatted: 0,
  /** Files read (and analysed). */
  filesRead: 0,
  /** Folder listings (`readdir`) of the walks. */
  foldersListed: 0,
};

export type ScanWork = typeof scanWork;

/** What the scans did since `before` (a copy taken with `{ ...scanWork }`). */
export function scanWorkSince(before: ScanWork): ScanWork {
  return { filesStatted: scanWork.filesStatted - before.filesStatted, filesRead: scanWork.filesRead - before.filesRead, foldersListed: scanWork.foldersListed - before.foldersListed };
}

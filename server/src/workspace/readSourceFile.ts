import * as l10n from '@vscode/l10n';
import { readFile, stat } from 'node:fs/promises';
import { decodeUtf8, looksBinary } from './decodeText';
import { describeIoError } from './ioErrors';
import { languageIdForPath } from './languages';
import type { FileCandidate, FileSkipReason, SkippedFile, SourceFile } from './types';

/** 1 MiB: hand-written sources are far smaller; larger files are bundles or generated code. */
export const DEFAULT_MAX_FILE_SIZE_BYTES = 1024 * 1024;

export interface ReadOptions {
  maxFileSizeBytes: number;
}

/**
 * Reads one candidate for the engine. Never rejects: every way a file can be unusable (too large,
 * binary, unreadable, not a regular file, unsupported extension) comes back as a `SkippedFile` with
 * a reason and a message for the user.
 */
export async function readSourceFile(candidate: FileCandidate, options: ReadOptions): Promise<SourceFile | SkippedFile> {
  const languageId = languageIdForPath(candidate.absolutePath);
  if (!languageId) {
    return skip(candidate, 'unsupported-language', l10n.t('File skipped: only TypeScript, JavaScript and Markdown files are scanned.'));
  }
  try {
    // stat before opening: opening a FIFO or a device would block a thread until someone writes to it.
    const stats = await stat(candidate.absolutePath);
    if (!stats.isFile()) return skip(candidate, 'not-a-file', l10n.t('File skipped: it is not a regular file.'));
    if (stats.size > options.maxFileSizeBytes) {
      return skip(candidate, 'too-large', l10n.t(
        'File skipped: {0} KB is over the {1} KB limit (raise it with --max-file-size).',
        Math.ceil(stats.size / 1024), Math.floor(options.maxFileSizeBytes / 1024),
      ));
    }
    const bytes = await readFile(candidate.absolutePath);
    if (looksBinary(bytes)) {
      return skip(candidate, 'binary', l10n.t('File skipped: it looks binary (it contains NUL bytes).'));
    }
    const { text, hasBom, notices } = decodeUtf8(bytes);
    return { kind: 'source', absolutePath: candidate.absolutePath, relativePath: candidate.relativePath, languageId, text, hasBom, notices };
  } catch (error) {
    return skip(candidate, 'unreadable', l10n.t('File skipped: cannot read it ({0}).', describeIoError(error)));
  }
}

function skip(candidate: FileCandidate, reason: FileSkipReason, message: string): SkippedFile {
  return { kind: 'skipped', absolutePath: candidate.absolutePath, relativePath: candidate.relativePath, reason, message };
}

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LanguageId, SkipReason } from '../engine/types';

/** Where a file is: absolute for reading, relative (forward slashes) for showing. */
export interface FileLocation {
  absolutePath: string;
  /** Relative to the walk's `cwd`, forward slashes; may start with `../` for roots outside it. */
  relativePath: string;
}

/** A file the walker found. `explicit` is true when the user named the file itself rather than a folder. */
export interface FileCandidate extends FileLocation {
  kind: 'file';
  explicit: boolean;
}

/** Something the walker could not look into (permission denied, broken symbolic link...). */
export interface WalkProblem extends FileLocation {
  kind: 'problem';
  reason: 'unreadable';
  message: string;
}

export type WalkEntry = FileCandidate | WalkProblem;

/** Why a file was not analysed: the engine's own reasons plus the file-system ones. */
export type FileSkipReason = SkipReason | 'unreadable' | 'not-a-file' | 'unsupported-language';

/** Something worth telling about a file that was still analysed. */
export interface FileNotice {
  reason: 'invalid-utf8';
  message: string;
}

/** A file read and decoded, ready for the engine. */
export interface SourceFile extends FileLocation {
  kind: 'source';
  languageId: LanguageId;
  /** Decoded text without the byte order mark, so offsets match what the editor shows. */
  text: string;
  /** The file started with a UTF-8 BOM; a writer (e.g. `--fix`) must put it back. */
  hasBom: boolean;
  notices: FileNotice[];
  /**
   * The bytes read, for the SHA-256 a writer compares to the file on disk (see ScannedFile). Read in turn (blocking
   * reads), a view of the scan's shared buffer: valid until the next file is read.
   */
  bytes: Uint8Array;
}

export interface SkippedFile extends FileLocation {
  kind: 'skipped';
  reason: FileSkipReason;
  message: string;
}

/** A file the engine analysed. `document` converts finding offsets to line/column like the editor does. */
export interface ScannedFile extends FileLocation {
  kind: 'scanned';
  languageId: LanguageId;
  document: TextDocument;
  hasBom: boolean;
  findings: Finding[];
  notices: FileNotice[];
  /**
   * SHA-256 of the bytes that were analysed, for a file with findings: a writer compares it to the file on disk to
   * tell whether it changed since (a file without findings is never written, and hashing every file costs).
   */
  contentHash?: string;
}

export type FileScanResult = ScannedFile | SkippedFile;

import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { analyzeWithFixability, type FixPlace } from '../engine/fixes/analyzeWithFixability';
import type { FixStarts } from '../engine/fixes/fixStarts';
import { initPythonParser } from '../engine/python/pythonParser';
import type { CancellationToken, EngineSettings } from '../engine/types';
import { BLOCKING_FS } from './fileSystem';
import { Limiter } from './limiter';
import { FileUris } from './fileUri';
import { contentHash } from './safeWrite';
import { mapInOrder } from './mapInOrder';
import { DEFAULT_MAX_FILE_SIZE_BYTES, ReadBuffer, readSourceFile, readSourceFileSync } from './readSourceFile';
import type { FileScanResult, SkippedFile, SourceFile, WalkEntry } from './types';
import { walkSourceFiles, type WalkOptions } from './walkSourceFiles';

export interface ScanOptions extends Omit<WalkOptions, 'token'> {
  settings: EngineSettings;
  /** Files larger than this are skipped with a reason. Default 1 MiB. */
  maxFileSizeBytes?: number;
  /** File reads in flight at once. Default 8. */
  concurrency?: number;
  /** Walk and read synchronously (the CLI: nothing else to serve, and no thread-pool round trips to wait on). */
  blockingReads?: boolean;
  /**
   * Where a file sits for its fixes. When given, each file's `fixable` flags are made exact as it is analysed
   * (refineFixability, reusing the analysis's parse); without it they are the detectors' own.
   */
  fixPlace?: (absolutePath: string) => FixPlace;
  /** With `fixPlace`, for a scan that fixes next: keeps what the fixes of each file can start from (while it has room). */
  fixStarts?: FixStarts;
}

const DEFAULT_CONCURRENCY = 8;
const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };

/**
 * The scanning core shared by the CLI and the language server: walks `roots`, reads files with
 * bounded concurrency and analyses each one, yielding one result per file in walk order. Memory stays
 * bounded: results stream out as they are ready and nothing holds the whole tree. Stops early, without
 * throwing, once `token` is cancelled.
 */
export async function* scanWorkspace(options: ScanOptions, token: CancellationToken = NEVER_CANCELLED): AsyncGenerator<FileScanResult> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const readOptions = { maxFileSizeBytes: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES };
  const entries = walkSourceFiles({ ...options, fileSystem: options.blockingReads ? BLOCKING_FS : undefined, token });
  const readEntry = async (entry: WalkEntry): Promise<SourceFile | SkippedFile> =>
    entry.kind === 'file' ? readSourceFile(entry, readOptions) : { ...entry, kind: 'skipped' };
  // Reads run ahead of the (synchronous, CPU-bound) analysis, so the disk and the parser overlap. A blocking read
  // overlaps nothing: each file is read when its turn comes (no queue of read texts, no promises per file).
  const readBuffer = new ReadBuffer();
  const files = options.blockingReads
    ? readInTurn(entries, (entry) => (entry.kind === 'file' ? readSourceFileSync(entry, readOptions, readBuffer) : { ...entry, kind: 'skipped' }))
    : mapInOrder(entries, new Limiter(concurrency), concurrency * 2, readEntry);
  const uris = new FileUris();
  for await (const file of files) {
    if (token.isCancellationRequested) return;
    // Python fences in Markdown need the tree-sitter grammar; load it only once a Markdown file shows up.
    if (file.kind === 'source' && file.languageId === 'markdown') await initPythonParser();
    yield file.kind === 'source' ? analyzeSourceFile(file, options, token, uris) : file;
  }
}

async function* readInTurn(entries: AsyncIterable<WalkEntry>, read: (entry: WalkEntry) => SourceFile | SkippedFile): AsyncGenerator<SourceFile | SkippedFile> {
  for await (const entry of entries) yield read(entry);
}

function analyzeSourceFile(file: SourceFile, options: ScanOptions, token: CancellationToken, uris: FileUris): FileScanResult {
  const { absolutePath, relativePath, languageId, text, hasBom, notices, bytes } = file;
  const input = { text, languageId, settings: options.settings, fileName: absolutePath, token };
  const { fixPlace } = options;
  const result = fixPlace ? analyzeWithFixability(input, () => fixPlace(absolutePath), options.fixStarts) : analyze(input);
  if (result.skipped) return { kind: 'skipped', absolutePath, relativePath, ...result.skipped };
  const document = TextDocument.create(uris.of(absolutePath), languageId, 1, text);
  const hash = result.findings.length > 0 ? contentHash(bytes) : undefined;
  return { kind: 'scanned', absolutePath, relativePath, languageId, document, hasBom, findings: result.findings, notices, contentHash: hash };
}

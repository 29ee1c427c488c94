// The one write discipline of the project: `scan --fix`, the files a fix creates (the Converse adapter), Migrate
// Workspace's checks and the report output all go through here.
//
//  - Confinement: a path is resolved to its real path (symbolic links followed) and must lie inside one of the
//    scope's roots (the scanned folders, the workspace folders). A link pointing out is refused, not followed.
//  - No lost edits: a file is read once (`readForEdit`), and just before the rename its size, mtime and content
//    hash are compared with what was read; a changed file is skipped, a vanished one is not recreated.
//  - Atomic: the new content goes to a temporary file in the same folder, gets the old file's mode, then replaces
//    the file in one rename. A read-only file is refused rather than replaced behind its owner's back.
//  - Encodings: the file is rewritten in the encoding it was read in (UTF-8 with or without BOM, GB18030/GBK,
//    ISO-8859-1) and every byte outside the edited text is verified unchanged; otherwise the file is refused.
//  - Nothing throws for one bad file: every function returns an outcome with a reason and a message.
import * as l10n from '@vscode/l10n';
import { createHash, randomBytes } from 'node:crypto';
import { readlinkSync, realpathSync, type Stats } from 'node:fs';
import { chmod, chown, link, lstat, mkdir, readFile, readlink, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodeBytes, describeCharacter, encodeText, encodingLabel, type TextEncodingName } from './encoding';
import { describeIoError } from './ioErrors';

export type WriteFailureReason =
  | 'outside-scope' | 'changed' | 'vanished' | 'read-only' | 'not-a-file' | 'encoding' | 'scanned-file' | 'not-a-report' | 'io';

export interface WriteFailure {
  ok: false;
  reason: WriteFailureReason;
  /** One sentence for the user, without the path (callers prefix it). */
  message: string;
}

export type WriteOutcome = { ok: true; path: string; written: boolean } | WriteFailure;

/** What a file was when it was read: compared again just before it is replaced. */
export interface FileSnapshot {
  /** The real path (links resolved): the file that is read and replaced. */
  realPath: string;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  hash: string;
}

/** A file read for rewriting: its decoded text and what is needed to write it back byte-exactly. */
export interface EditableFile {
  ok: true;
  snapshot: FileSnapshot;
  bytes: Buffer;
  text: string;
  encoding: TextEncodingName;
  hasBom: boolean;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function fail(reason: WriteFailureReason, message: string): WriteFailure {
  return { ok: false, reason, message };
}

/**
 * The folders (or single files) writes may touch, by real path. Build it once per run from the scanned roots
 * (CLI) or the workspace folders (language server).
 */
export class WriteScope {
  private constructor(private readonly realRoots: readonly string[]) {}

  static async of(roots: readonly string[]): Promise<WriteScope> {
    const real = await Promise.all(roots.map((root) => realpath(resolve(root)).catch(() => resolve(root))));
    return new WriteScope(real);
  }

  contains(realPath: string): boolean {
    return this.realRoots.some((root) => realPath === root || isInside(root, realPath));
  }

  /**
   * The real path `path` stands for (for a file that does not exist yet: the real path of its nearest existing
   * folder plus the rest), or a refusal when that lies outside every root.
   */
  async confine(path: string): Promise<{ ok: true; realPath: string } | WriteFailure> {
    const real = await realPathOf(resolve(path));
    if (this.contains(real)) return { ok: true, realPath: real };
    return fail('outside-scope', l10n.t('not written: it resolves to {0}, outside the scanned folders (a symbolic link or a path leading out).', real));
  }
}

function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder);
}

/**
 * The synchronous check for callers that cannot wait (code actions): whether `path` (existing or not) resolves,
 * links followed, inside `root`.
 */
export function isConfinedSync(root: string, path: string): boolean {
  const realRoot = realPathOfSync(resolve(root));
  const real = realPathOfSync(resolve(path));
  return real === realRoot || isInside(realRoot, real);
}

/** Links followed at most this many times (as the kernel's ELOOP): a cycle of dangling links ends here. */
const MAX_LINK_HOPS = 40;

function realPathOfSync(path: string, hops = 0): string {
  try {
    return realpathSync(path);
  } catch {
    let target: string | undefined;
    try {
      target = readlinkSync(path);
    } catch {
      target = undefined;
    }
    if (target !== undefined) return hops >= MAX_LINK_HOPS ? path : realPathOfSync(resolve(dirname(path), target), hops + 1);
    const parent = dirname(path);
    return parent === path ? path : join(realPathOfSync(parent, hops), basename(path));
  }
}

/** Realpath that also works for paths that do not exist yet (and for dangling links, which it follows). */
async function realPathOf(path: string, hops = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // A dangling symbolic link points somewhere that does not exist yet: the write would land there.
    const target = await readlink(path).catch(() => undefined);
    if (target !== undefined) return hops >= MAX_LINK_HOPS ? path : realPathOf(resolve(dirname(path), target), hops + 1);
    const parent = dirname(path);
    if (parent === path) return path;
    return join(await realPathOf(parent, hops), basename(path));
  }
}

/**
 * Refuses a workspace-relative path (such as `adapterPath`) that is absolute or climbs out with `..`. Returns
 * the normalised relative path (forward slashes) or a message.
 */
export function checkRelativePath(relativePath: string): { ok: true; path: string } | WriteFailure {
  const segments = relativePath.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
  if (isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith('/') || relativePath.startsWith('\\')) {
    return fail('outside-scope', l10n.t('"{0}" is absolute; it must be a path inside the workspace.', relativePath));
  }
  if (segments.length === 0 || segments.includes('..')) {
    return fail('outside-scope', l10n.t('"{0}" leads out of the workspace; it must be a path inside it.', relativePath));
  }
  return { ok: true, path: segments.join('/') };
}

/** Reads a file inside `scope` for rewriting: real path, snapshot, detected encoding and decoded text. */
export async function readForEdit(path: string, scope: WriteScope): Promise<EditableFile | WriteFailure> {
  const confined = await scope.confine(path);
  if (!confined.ok) return confined;
  try {
    const stats = await stat(confined.realPath);
    if (!stats.isFile()) return fail('not-a-file', l10n.t('not written: it is not a regular file.'));
    const bytes = await readFile(confined.realPath);
    const decoded = decodeBytes(bytes);
    return { ok: true, snapshot: snapshotOf(confined.realPath, stats, bytes), bytes, ...decoded };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail('vanished', l10n.t('not written: it was deleted after it was read.'));
    return fail('io', l10n.t('cannot read it ({0}).', describeIoError(error)));
  }
}

function snapshotOf(realPath: string, stats: Stats, bytes: Uint8Array): FileSnapshot {
  return { realPath, size: stats.size, mtimeMs: stats.mtimeMs, mode: stats.mode, uid: stats.uid, gid: stats.gid, hash: contentHash(bytes) };
}

/**
 * Writes `newText` over a file read with `readForEdit`, in the file's own encoding. Every byte outside the span
 * that differs between the old and the new text is checked to be unchanged; a character the encoding cannot
 * hold refuses the file. Then the file goes through `replaceFile`.
 */
export async function writeEdited(file: EditableFile, newText: string): Promise<WriteOutcome> {
  const encoded = encodeText(newText, file.encoding, file.hasBom);
  if ('unrepresentable' in encoded) {
    return fail('encoding', l10n.t('not written: the file is {0} and the fix needs {1}, which {0} cannot represent.', encodingLabel(file.encoding), describeCharacter(encoded.unrepresentable)));
  }
  if (!keepsBytesOutsideEdits(file, newText, encoded.bytes)) {
    return fail('encoding', l10n.t('not written: the file is {0} and rewriting it would change bytes outside the fixed code.', encodingLabel(file.encoding)));
  }
  return replaceFile(file.snapshot, encoded.bytes);
}

/**
 * The text before the first difference and after the last one is the same in both texts: its bytes must be the
 * same too. With the stateless encodings we write this always holds; the check makes it a guarantee.
 */
function keepsBytesOutsideEdits(file: EditableFile, newText: string, newBytes: Buffer): boolean {
  if (newText === file.text) return newBytes.equals(file.bytes);
  let prefix = 0;
  const limit = Math.min(file.text.length, newText.length);
  while (prefix < limit && file.text.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && file.text.charCodeAt(file.text.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  // Keep surrogate pairs whole on both sides of the changed span.
  if (prefix > 0 && isHighSurrogate(file.text.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(file.text.charCodeAt(file.text.length - suffix))) suffix--;
  const head = encodeText(file.text.slice(0, prefix), file.encoding, file.hasBom);
  const tail = encodeText(file.text.slice(file.text.length - suffix), file.encoding, false);
  if ('unrepresentable' in head || 'unrepresentable' in tail) return false;
  const oldBytes = file.bytes;
  return head.bytes.equals(oldBytes.subarray(0, head.bytes.length)) && head.bytes.equals(newBytes.subarray(0, head.bytes.length))
    && tail.bytes.equals(oldBytes.subarray(oldBytes.length - tail.bytes.length)) && tail.bytes.equals(newBytes.subarray(newBytes.length - tail.bytes.length))
    && head.bytes.length + tail.bytes.length <= Math.min(oldBytes.length, newBytes.length);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Replaces an existing file atomically with `bytes`, if it is still what `expected` recorded: size, mtime and
 * content hash are compared just before the rename. Keeps the file's mode; refuses a read-only file.
 */
export async function replaceFile(expected: FileSnapshot, bytes: Uint8Array): Promise<WriteOutcome> {
  if ((expected.mode & 0o222) === 0) return fail('read-only', l10n.t('not written: the file is read-only.'));
  return writeThroughTemporary(expected.realPath, bytes, expected.mode & 0o7777, async (temporary) => {
    // Keep the owner too when we can (running as root over someone's checkout); otherwise it is ours anyway.
    await chown(temporary, expected.uid, expected.gid).catch(() => undefined);
    const current = await currentState(expected.realPath);
    if (current === 'vanished') return fail('vanished', l10n.t('not written: it was deleted after it was read, and is not recreated.'));
    if (current.size !== expected.size || current.mtimeMs !== expected.mtimeMs || current.hash !== expected.hash) {
      return fail('changed', l10n.t('not written: it changed after it was read (edited meanwhile?); run again to fix the new version.'));
    }
    await rename(temporary, expected.realPath);
    return undefined;
  });
}

async function currentState(path: string): Promise<FileSnapshot | 'vanished'> {
  try {
    const stats = await stat(path);
    return snapshotOf(path, stats, await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'vanished';
    throw error;
  }
}

/**
 * Creates a new file inside `scope` (the Converse adapter): parent folders are made, the content is linked into
 * place so a file created meanwhile is never clobbered. `ifMissing`: an existing file is kept (`written: false`);
 * otherwise an existing file is a refusal.
 */
export async function createFile(path: string, content: string, scope: WriteScope, options: { ifMissing: boolean }): Promise<WriteOutcome> {
  const confined = await scope.confine(path);
  if (!confined.ok) return confined;
  const target = confined.realPath;
  const existing = await lstat(target).catch(() => undefined);
  if (existing) {
    if (options.ifMissing) return { ok: true, path: target, written: false };
    return fail('changed', l10n.t('not written: the file already exists.'));
  }
  try {
    await mkdir(dirname(target), { recursive: true });
    // The folders just made must still be inside the scope (a link swapped in meanwhile would lead out).
    const again = await scope.confine(target);
    if (!again.ok) return again;
  } catch (error) {
    return fail('io', l10n.t('cannot create it ({0}).', describeIoError(error)));
  }
  return writeThroughTemporary(target, Buffer.from(content, 'utf8'), undefined, async (temporary) => {
    try {
      await link(temporary, target);
      await unlink(temporary);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return options.ifMissing ? { ok: true, path: target, written: false } : fail('changed', l10n.t('not written: the file already exists.'));
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      // No hard links on this file system: check, then rename (a tiny window, as good as it gets there).
      if (await lstat(target).then(() => true, () => false)) return options.ifMissing ? { ok: true, path: target, written: false } : fail('changed', l10n.t('not written: the file already exists.'));
      await rename(temporary, target);
    }
    return undefined;
  });
}

/**
 * Writes `bytes` to a temporary file next to `target`, then lets `commit` move it into place (or refuse). The
 * temporary file never outlives the call. I/O errors become a failure naming the cause.
 */
async function writeThroughTemporary(
  target: string, bytes: Uint8Array, mode: number | undefined, commit: (temporary: string) => Promise<WriteOutcome | undefined>,
): Promise<WriteOutcome> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx', mode: mode ?? 0o666 });
    if (mode !== undefined) await chmod(temporary, mode); // the umask narrowed it
    const refused = await commit(temporary);
    return refused ?? { ok: true, path: target, written: true };
  } catch (error) {
    return fail('io', l10n.t('cannot write it ({0}).', describeIoError(error)));
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

export interface OutputFileOptions {
  /** Real or absolute paths of every file the run scanned: never overwritten by output (except an earlier report). */
  scannedFiles: ReadonlySet<string>;
  /** Recognises a file this tool wrote earlier (a previous report), which may be replaced. */
  isOwnOutput(bytes: Buffer): boolean;
  /** Replace any other existing file (the user said so: `--force`, or a save dialog that asked). */
  force: boolean;
  /** When given, the output must lie inside it (the language server's workspace folders). */
  scope?: WriteScope;
  /** Create missing parent folders (the editor's `.bedrock-to-sagemaker/`); the CLI's `--out` does not. */
  createFolders?: boolean;
}

/**
 * Writes a report: symbolic links are followed (the link stays, its target gets the report), a file that was
 * part of the scan is never overwritten, another existing file only when it is an earlier report or with
 * `force`. Atomic, keeping the mode of the file it replaces.
 */
export async function writeOutputFile(path: string, content: string, options: OutputFileOptions): Promise<WriteOutcome> {
  const target = await realPathOf(resolve(path));
  if (options.scope && !options.scope.contains(target)) {
    return fail('outside-scope', l10n.t('not written: it resolves to {0}, outside the workspace folders.', target));
  }
  // A scanned file is never replaced, unless it is an earlier report (`report . --out report.md` run twice).
  if (await isScanned(target, resolve(path), options.scannedFiles)) {
    const bytes = await readFile(target).catch(() => undefined);
    if (!bytes || !options.isOwnOutput(bytes)) {
      return fail('scanned-file', l10n.t('not written: it is one of the scanned files; choose another output file.'));
    }
  }
  // Links are resolved above; one still here is a cycle, and replacing it would be replacing the link.
  if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) {
    return fail('not-a-file', l10n.t('not written: it is a symbolic link that cannot be resolved (a cycle).'));
  }
  let existing: Stats | undefined;
  try {
    existing = await stat(target);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isFile()) return fail('not-a-file', l10n.t('not written: it exists and is not a regular file.'));
  if (existing && existing.size > 0 && !options.force) {
    const bytes = await readFile(target).catch(() => undefined);
    if (!bytes || !options.isOwnOutput(bytes)) {
      return fail('not-a-report', l10n.t('not written: it exists and is not a report written by this tool (use --force to replace it).'));
    }
  }
  if (options.createFolders) {
    try {
      await mkdir(dirname(target), { recursive: true });
    } catch (error) {
      return fail('io', l10n.t('cannot create its folder ({0}).', describeIoError(error)));
    }
  }
  const mode = existing ? existing.mode & 0o7777 : undefined;
  return writeThroughTemporary(target, Buffer.from(content, 'utf8'), mode, async (temporary) => {
    await rename(temporary, target);
    return undefined;
  });
}

/** `basename(path) === name`, without a string per path (a report asks it of every scanned file). */
function hasName(path: string, name: string): boolean {
  return path.endsWith(name) && (path.length === name.length || path[path.length - name.length - 1] === sep);
}

async function isScanned(target: string, given: string, scannedFiles: ReadonlySet<string>): Promise<boolean> {
  if (scannedFiles.has(target) || scannedFiles.has(given)) return true;
  // A scanned file reached through a link has another path: compare real paths of the files with the same name.
  const name = basename(target);
  for (const file of scannedFiles) {
    if (hasName(file, name) && (await realpath(file).catch(() => file)) === target) return true;
  }
  return false;
}

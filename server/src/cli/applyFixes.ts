import * as l10n from '@vscode/l10n';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { documentFixAll } from '../engine/documentFixes';
import { applyEdits, fixesWaitForSyntax, refineFixability, syntaxErrorReason } from '../engine/fixes';
import type { EngineSettings } from '../engine/types';
import type { ScannedFile } from '../workspace';
import { contentHash, createFile, readForEdit, writeEdited, type WriteScope } from '../workspace/safeWrite';
import { toRelativePath } from '../workspace/relativePath';

export interface FileFixOutcome {
  /** The file as it is after fixing (re-analysed), or the original result when nothing changed. */
  result: ScannedFile;
  editCount: number;
  /** Files created for the fix (the shared Converse adapter), relative to the workspace root. */
  created: string[];
  /** Why the file was not fixed although it has fixable findings (the file is left as it was). */
  failure?: string;
  /** The fixes wait for the file's syntax errors to be corrected (not a failure: nothing was attempted). */
  blocked?: string;
}

/** Where `--fix` may write: rewritten files inside the scanned roots, created files inside the workspace root. */
export interface FixWriteContext {
  workspaceRoot: string;
  rewriteScope: WriteScope;
  createScope: WriteScope;
}

/**
 * `scan --fix` for one file: applies every safe fix (the same fix-all the editor offers) through the safe-write
 * discipline (workspace/safeWrite.ts): the file is re-read, must be what was scanned, is rewritten in its own
 * encoding and replaced atomically; the adapter module is created once. A file that cannot be written is left
 * as it was, with the reason in `failure`. Running it again changes nothing: fix-all proposes no edit for a
 * migrated file.
 */
export async function fixScannedFile(file: ScannedFile, settings: EngineSettings, context: FixWriteContext): Promise<FileFixOutcome> {
  try {
    return await fixOneFile(file, settings, context);
  } catch (error) {
    // An engine bug on one file must not stop the run: report it for this file, which is left as it was.
    const detail = error instanceof Error ? error.message : String(error);
    return { result: file, editCount: 0, created: [], failure: l10n.t('not fixed: the fixes could not be computed for this file ({0}); please report it.', detail) };
  }
}

async function fixOneFile(file: ScannedFile, settings: EngineSettings, context: FixWriteContext): Promise<FileFixOutcome> {
  const unchanged: FileFixOutcome = { result: file, editCount: 0, created: [] };
  if (!file.findings.some((finding) => finding.fixable)) return unchanged;
  const editable = await readForEdit(file.absolutePath, context.rewriteScope);
  if (!editable.ok) return { ...unchanged, failure: editable.message };
  if (file.contentHash !== undefined && contentHash(editable.bytes) !== file.contentHash) {
    return { ...unchanged, failure: l10n.t('not written: it changed after it was scanned; run again to fix the new version.') };
  }
  const text = editable.text;
  const workspaceRelativePath = toRelativePath(context.workspaceRoot, file.absolutePath);
  const input = { text, languageId: file.languageId, settings, fileName: file.absolutePath, workspaceRelativePath };
  // A legacy-encoded file was scanned with replacement characters; its fixes are computed on the real text.
  const findings = text === file.document.getText() ? file.findings : analyze(input).findings;
  const proposal = documentFixAll(input, findings);
  if (!proposal || proposal.edits.length === 0) {
    if (!fixesWaitForSyntax(input)) return unchanged;
    return { ...unchanged, result: { ...file, findings: refineFixability(input, file.findings) }, blocked: syntaxErrorReason() };
  }
  const fixedText = applyEdits(text, proposal.edits);
  const created: string[] = [];
  for (const extra of proposal.createFiles ?? []) {
    const outcome = await createFile(resolve(context.workspaceRoot, extra.path), extra.content, context.createScope, { ifMissing: extra.ifMissing === true });
    // Without the module it imports, the rewritten file would not compile: leave it as it was.
    if (!outcome.ok) return { ...unchanged, failure: l10n.t('not fixed: it needs {0}, which could not be created ({1})', extra.path, outcome.message) };
    if (outcome.written) created.push(extra.path);
  }
  const written = await writeEdited(editable, fixedText);
  if (!written.ok) return { ...unchanged, created, failure: written.message };
  const reanalysed = analyze({ text: fixedText, languageId: file.languageId, settings, fileName: file.absolutePath });
  const document = TextDocument.create(file.document.uri, file.document.languageId, file.document.version + 1, fixedText);
  return { result: { ...file, document, findings: reanalysed.findings }, editCount: proposal.edits.length, created };
}

import * as l10n from '@vscode/l10n';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { documentFixAll } from '../engine/documentFixes';
import { analyzeFixedText, applyEdits, type FixStart, fixesWaitForSyntax, refineFixability, resumeFixes, syntaxErrorReason } from '../engine/fixes';
import type { FixInput, FixProposal } from '../engine/fixTypes';
import { planDependencyFix } from '../engine/packageJson';
import { dependencyFixability } from '../engine/project/dependencyMigration';
import type { EngineSettings, Finding } from '../engine/types';
import type { ScannedFile } from '../workspace';
import type { PackageContexts } from '../workspace/packageContexts';
import { toRelativePath } from '../workspace/relativePath';
import { contentHash, createFile, readForEdit, writeEdited, type WriteScope } from '../workspace/safeWrite';

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
  /** The package of each file: where its adapter goes and how it imports it. */
  packages: PackageContexts;
}

/**
 * `scan --fix` for one file: applies every safe fix (the same fix-all the editor offers) through the safe-write
 * discipline (workspace/safeWrite.ts): the file is re-read, must be what was scanned, is rewritten in its own
 * encoding and replaced atomically; the adapter module is created once. A file that cannot be written is left
 * as it was, with the reason in `failure`. Running it again changes nothing: fix-all proposes no edit for a
 * migrated file. `start`: what the scan of this file kept for its fixes (analyzeWithFixability), when it did.
 */
export async function fixScannedFile(file: ScannedFile, settings: EngineSettings, context: FixWriteContext, start?: FixStart): Promise<FileFixOutcome> {
  if (!file.findings.some((finding) => finding.fixable)) {
    // Findings refined before the run already say when the fixes wait for the syntax errors to be corrected.
    const waits = file.findings.some((finding) => finding.data.notFixed === syntaxErrorReason());
    return waits ? { ...unchanged(file), blocked: syntaxErrorReason() } : unchanged(file);
  }
  return guarded(file, async () => rewrite(file, settings, context, (input, findings) => {
    if (start) resumeFixes(input, start); // only for the very text that was scanned
    const proposal = documentFixAll(input, findings);
    if (proposal && proposal.edits.length > 0) return { proposal };
    if (!fixesWaitForSyntax(input)) return {};
    return { blocked: { findings: refineFixability(input, file.findings), reason: syntaxErrorReason() } };
  }));
}

/**
 * The package.json side of `scan --fix`, once the package's code is migrated: Bedrock packages nothing imports any
 * more are removed, and the SageMaker Runtime client is added where migrated code imports it. `imports` are the
 * package specifiers of the package's files as they are now. What stays says why.
 */
export async function fixPackageJson(file: ScannedFile, imports: ReadonlySet<string>, settings: EngineSettings, context: FixWriteContext): Promise<FileFixOutcome> {
  const outcome = await guarded(file, async () => rewrite(file, settings, context, (input) => {
    const plan = planDependencyFix(input.text, imports);
    return plan.edits.length > 0 ? { proposal: { title: '', edits: plan.edits, kind: 'quickfix' } } : {};
  }));
  const left = dependencyFixability(outcome.result.document.getText(), outcome.result.findings, imports);
  return { ...outcome, result: { ...outcome.result, findings: left } };
}

type Computed = { proposal?: FixProposal; blocked?: { findings: Finding[]; reason: string } };

function unchanged(file: ScannedFile): FileFixOutcome {
  return { result: file, editCount: 0, created: [] };
}

async function guarded(file: ScannedFile, fix: () => Promise<FileFixOutcome>): Promise<FileFixOutcome> {
  try {
    return await fix();
  } catch (error) {
    // An engine bug on one file must not stop the run: report it for this file, which is left as it was.
    const detail = error instanceof Error ? error.message : String(error);
    return { ...unchanged(file), failure: l10n.t('not fixed: the fixes could not be computed for this file ({0}); please report it.', detail) };
  }
}

async function rewrite(
  file: ScannedFile, settings: EngineSettings, context: FixWriteContext, compute: (input: FixInput, findings: readonly Finding[]) => Computed,
): Promise<FileFixOutcome> {
  const editable = await readForEdit(file.absolutePath, context.rewriteScope);
  if (!editable.ok) return { ...unchanged(file), failure: editable.message };
  if (file.contentHash !== undefined && contentHash(editable.bytes) !== file.contentHash) {
    return { ...unchanged(file), failure: l10n.t('not written: it changed after it was scanned; run again to fix the new version.') };
  }
  const text = editable.text;
  const input: FixInput = {
    text, languageId: file.languageId, settings, fileName: file.absolutePath,
    workspaceRelativePath: toRelativePath(context.workspaceRoot, file.absolutePath), packageContext: context.packages.contextOf(file.absolutePath),
  };
  // A legacy-encoded file was scanned with replacement characters; its fixes are computed on the real text.
  const findings = text === file.document.getText() ? file.findings : analyze(input).findings;
  const { proposal, blocked } = compute(input, findings);
  if (blocked) return { ...unchanged(file), result: { ...file, findings: blocked.findings }, blocked: blocked.reason };
  if (!proposal || proposal.edits.length === 0) return unchanged(file);
  const fixedText = applyEdits(text, proposal.edits);
  const created: string[] = [];
  for (const extra of proposal.createFiles ?? []) {
    const outcome = await createFile(resolve(context.workspaceRoot, extra.path), extra.content, context.createScope, { ifMissing: extra.ifMissing === true });
    // Without the module it imports, the rewritten file would not compile: leave it as it was.
    if (!outcome.ok) return { ...unchanged(file), failure: l10n.t('not fixed: it needs {0}, which could not be created ({1})', extra.path, outcome.message) };
    if (outcome.written) created.push(extra.path);
  }
  const written = await writeEdited(editable, fixedText);
  if (!written.ok) return { ...unchanged(file), created, failure: written.message };
  // The fix's own last analysis goes on to the fixed text (only what the last passes edited is analysed again).
  const reanalysed = analyzeFixedText(input, fixedText);
  const document = TextDocument.create(file.document.uri, file.document.languageId, file.document.version + 1, fixedText);
  return { result: { ...file, document, findings: reanalysed.findings }, editCount: proposal.edits.length, created };
}

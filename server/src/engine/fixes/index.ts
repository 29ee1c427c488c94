import * as l10n from '@vscode/l10n';
import { isScriptLanguage } from '../analyze';
import type { Finding, RuleId, ScriptLanguage } from '../types';
import { FixContext } from './context';
import { type Assessment, assess, findingKey, runTransforms } from './pipeline';
import { TRANSFORMS } from './registry';
import { mappingForModelId } from './support/endpointTarget';
import { NOTE_RULES, noteProposal, noteText } from './support/migrationNote';
import { hasSyntaxErrors } from './support/syntax';
import { rewriteClientRegion } from './transforms/rewriteClientRegion';
import type { FixInput, FixProposal } from './types';

export { applyEdits } from './edits';
export type { FixInput, FixProposal } from './types';

const OPERATION_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['bedrock/invoke-model', 'bedrock/invoke-model-stream', 'bedrock/converse', 'bedrock/converse-stream']);

/** Rules fixed by migrating the whole file at once: a call cannot move to SageMaker without its client, and back. */
const FILE_MIGRATION_RULES: ReadonlySet<RuleId> = new Set<RuleId>([...OPERATION_RULES, 'bedrock/runtime-client']);

/**
 * Fixes offered for one finding: the file migration (preferred) for Bedrock Runtime clients, calls and
 * imports; the region change for a client region; otherwise, or when the rewrite is not safe here, an
 * optional migration note.
 */
export function fixesForFinding(input: FixInput, finding: Finding): FixProposal[] {
  if (!isScriptLanguage(input.languageId) || !parses(input)) return [];
  if (finding.ruleId === 'bedrock/client-region') {
    if (assess(input, [rewriteClientRegion]).refusals.has(findingKey(finding))) return [];
    const { edits } = runTransforms(input, [rewriteClientRegion], finding.range);
    return edits.length === 0 ? [] : [{
      title: l10n.t("Change the region to '{0}'", input.settings.targetRegion), edits, kind: 'quickfix', isPreferred: true,
    }];
  }
  if (isFileMigrationFinding(finding)) {
    const reason = unfixableReason(assessment(input), finding);
    // Calls get the note; their import and client just explain it in the diagnostic (see refineFixability).
    if (reason !== undefined) return OPERATION_RULES.has(finding.ruleId) ? notes(input, finding, reason) : [];
    const migration = fixAll(input, [finding]);
    return migration ? [{ ...migration, isPreferred: true }] : [];
  }
  return NOTE_RULES.has(finding.ruleId) ? notes(input, finding) : [];
}

/** Every safe fix in the document merged into one proposal, or undefined when there is nothing to fix. */
export function fixAll(input: FixInput, findings: readonly Finding[]): FixProposal | undefined {
  if (!isScriptLanguage(input.languageId) || !findings.some((finding) => finding.fixable) || !parses(input)) return undefined;
  // A copy: callers own what they get, the memo keeps its own.
  const migration = memoized(input, 'migration', () => {
    if (assessment(input).blockers.length > 0) return undefined;
    let result: ReturnType<typeof runTransforms>;
    try {
      result = runTransforms(input, TRANSFORMS);
    } catch {
      // Transforms that disagree (overlapping edits, e.g. the same names imported twice) mean no safe rewrite.
      return undefined;
    }
    if (result.edits.length === 0) return undefined;
    return {
      title: l10n.t('Migrate this file to SageMaker Runtime'),
      edits: result.edits,
      ...(result.createFiles.length > 0 ? { createFiles: result.createFiles } : {}),
      kind: 'quickfix' as const,
    };
  });
  return migration && structuredClone(migration);
}

/**
 * True when the fixes of this script wait for its syntax errors to be corrected: fix-all proposes nothing, and
 * callers should say so rather than "nothing can be migrated".
 */
export function fixesWaitForSyntax(input: FixInput): boolean {
  return isScriptLanguage(input.languageId) && !parses(input);
}

/** The reason fixable findings of a script that does not parse are not fixed, as appended to their messages. */
export function syntaxErrorReason(): string {
  return l10n.t('the file has syntax errors; fixes wait until it parses');
}

function parses(input: FixInput): boolean {
  return memoized(input, 'parses', () => !hasSyntaxErrors(input.text, input.languageId as ScriptLanguage, input.fileName));
}

function assessment(input: FixInput): Assessment {
  return memoized(input, 'assessment', () => assess(input, TRANSFORMS));
}

// A code-action request asks for the fixes of every diagnostic in view: the file migration and the assessment
// are the same for all of them, so the last document's results are kept (keyed by everything they depend on).
let lastKey: string | undefined;
const lastResults = new Map<string, unknown>();

function memoized<T>(input: FixInput, what: string, compute: () => T): T {
  const key = [input.text, input.languageId, input.fileName, input.workspaceRelativePath, JSON.stringify(input.settings), JSON.stringify(input.packageContext ?? null)].join('\u0000');
  if (key !== lastKey) {
    lastKey = key;
    lastResults.clear();
  }
  if (!lastResults.has(what)) lastResults.set(what, compute());
  return lastResults.get(what) as T;
}

/**
 * The findings with `fixable` made exact for this document: a finding the detector marks fixable becomes
 * unfixable, with the reason appended to its message, when the rewrite would not be safe here. A fixable call
 * whose model id has no endpoint mapping keeps its fix, and its message asks for the mapping.
 */
export function refineFixability(input: FixInput, findings: readonly Finding[]): Finding[] {
  if (!isScriptLanguage(input.languageId) || !findings.some((finding) => finding.fixable)) return [...findings];
  if (!parses(input)) return findings.map((finding) => (finding.fixable ? notFixed(finding, syntaxErrorReason()) : finding));
  const assessed = assessment(input);
  return findings.map((finding) => {
    if (!finding.fixable) return finding;
    // A blocked file gets no fix-all at all: nothing in it is fixed, the region of its client included.
    const reason = isFileMigrationFinding(finding) || assessed.blockers.length > 0 ? unfixableReason(assessed, finding) : assessed.refusals.get(findingKey(finding));
    if (reason !== undefined) return notFixed(finding, reason);
    const modelId = finding.data.modelId;
    if (OPERATION_RULES.has(finding.ruleId) && typeof modelId === 'string' && !mappingForModelId(input.settings, modelId)) {
      return { ...finding, message: `${finding.message} ${l10n.t("Map '{0}' to its SageMaker endpoint in the bedrockToSagemaker.endpoints setting; without a mapping the fix writes a placeholder endpoint name.", modelId)}` };
    }
    return finding;
  });
}

/** The finding marked as one fix-all leaves, with the reason in its message and in `data.notFixed`. */
export function notFixed(finding: Finding, reason: string): Finding {
  return { ...finding, fixable: false, message: `${finding.message} ${l10n.t('Not fixed automatically: {0}.', reason)}`, data: { ...finding.data, notFixed: reason } };
}

/** Findings the file migration (Bedrock Runtime → SageMaker Runtime) fixes as a whole, or leaves as a whole. */
export function isFileMigrationFinding(finding: Finding): boolean {
  return FILE_MIGRATION_RULES.has(finding.ruleId) || (finding.ruleId === 'bedrock/import' && finding.data.service === 'runtime');
}

function unfixableReason(assessment: Assessment, finding: Finding): string | undefined {
  const own = assessment.refusals.get(findingKey(finding));
  if (own !== undefined) return own;
  const blocker = assessment.blockers[0];
  if (!blocker) return undefined;
  const what = [blocker.data.operation, blocker.data.className].find((value) => typeof value === 'string') ?? blocker.ruleId;
  const blockerReason = assessment.refusals.get(findingKey(blocker));
  if (blockerReason !== undefined) return l10n.t('{0} in this file is not rewritten ({1}); migrating part of the file would not compile', String(what), blockerReason);
  return l10n.t('this file also uses {0}, which cannot move to SageMaker Runtime; migrating part of the file would not compile', String(what));
}

function notes(input: FixInput, finding: Finding, reason?: string): FixProposal[] {
  const context = new FixContext(input.text, [finding], {
    settings: input.settings, languageId: input.languageId as ScriptLanguage, fileName: input.fileName,
    workspaceRelativePath: input.workspaceRelativePath, packageContext: input.packageContext, createFiles: new Map(),
  });
  const proposal = noteProposal(context, finding, reason);
  return proposal ? [proposal] : [];
}

export { noteText };

import * as l10n from '@vscode/l10n';
import type ts from '../typescript';
import { isScriptLanguage } from '../languages';
import type { AnalyzeResult, Finding, RuleId, ScriptLanguage } from '../types';
import { findingWith } from '../finding';
import { detectMigrationTodos } from '../script/detectMigrationTodos';
import { FixContext } from './fixContext';
import { sortEdits } from '../textEdits';
import { analyseText, type Assessment, assess, findingKey, type ParsedText, runTransforms } from './pipeline';
import { analyze, DEFAULT_LIMITS } from '../analyze';
import { TRANSFORMS } from './registry';
import { mappingForModelId } from '../catalog/endpointChoice';
import { NOTE_RULES, noteProposal, noteText } from './support/migrationNote';
import { markdownFixAllRefusals } from '../markdown/fixes';
import { isPlaceholderFinding, placeholderFix } from './support/placeholderEndpoint';
import { treeHasSyntaxErrors } from './support/syntax';
import { rewriteClientRegion } from './transforms/rewriteClientRegion';
import { isChatModelFinding } from './transforms/rewriteLangChain';
import type { FixInput, FixProposal, TextEdit } from '../fixTypes';
import { workCounters } from '../workCounters';
import { ObjectCache } from '../objectCache';
import { movedFrom } from '../findingMoves';
import { sameApartFromRange } from './findingShapes';
import { currentLocale, type Locale } from '../l10n';
import type { CheckMemo } from './checkMemo';

export { applyEdits } from '../textEdits';
export type { FixInput, FixProposal } from '../fixTypes';

const OPERATION_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['bedrock/invoke-model', 'bedrock/invoke-model-stream', 'bedrock/converse', 'bedrock/converse-stream']);

/** Rules fixed by migrating the whole file at once: a call cannot move to SageMaker without its client, and back. */
const FILE_MIGRATION_RULES: ReadonlySet<RuleId> = new Set<RuleId>([...OPERATION_RULES, 'bedrock/runtime-client', 'bedrock/ai-sdk']);

/** File-migration findings that get the migration note when they are not rewritten (imports and clients just explain it). */
const NOTED_WHEN_REFUSED: ReadonlySet<RuleId> = new Set<RuleId>([...OPERATION_RULES, 'bedrock/ai-sdk']);

/**
 * Fixes offered for one finding: the file migration (preferred) for Bedrock Runtime clients, calls and
 * imports; the region change for a client region; otherwise, or when the rewrite is not safe here, an
 * optional migration note.
 */
export function fixesForFinding(input: FixInput, finding: Finding): FixProposal[] {
  if (!isScriptLanguage(input.languageId) || !parses(input)) return [];
  if (finding.ruleId === 'bedrock/migration-todo') {
    // The placeholder itself, or its own TODO comment, which the same fix removes.
    const fix = isPlaceholderFinding(finding) ? placeholderFixFor(input, finding) : placeholderFixRemoving(input, finding);
    return fix ? [{ title: l10n.t("Use endpoint '{0}'", fix.endpointName), edits: structuredClone(fix.edits), kind: 'quickfix', isPreferred: true }] : [];
  }
  if (finding.ruleId === 'bedrock/client-region') {
    if (assess(input, [rewriteClientRegion]).refusals.has(findingKey(finding))) return [];
    const { edits } = runTransforms(input, [rewriteClientRegion], finding.range);
    if (edits.length === 0) {
      // A LangChain chat model's region: it changes with the file migration only.
      const migration = fixAll(input, [finding]);
      return migration ? [{ ...migration, isPreferred: true }] : [];
    }
    return [{
      title: l10n.t("Change the region to '{0}'", input.settings.targetRegion), edits, kind: 'quickfix', isPreferred: true,
    }];
  }
  if (isFileMigrationFinding(finding)) {
    const reason = unfixableReason(assessment(input), finding);
    // Calls get the note; their import and client just explain it in the diagnostic (see refineFixability).
    if (reason !== undefined) return NOTED_WHEN_REFUSED.has(finding.ruleId) ? notes(input, finding, reason) : [];
    const migration = fixAll(input, [finding]);
    return migration ? [{ ...migration, isPreferred: true }] : [];
  }
  if (finding.fixable && isChatModelFinding(finding)) {
    // A LangChain chat model: the file migration when it applies here, else the note with the reason.
    const reason = unfixableReason(assessment(input), finding);
    const migration = reason === undefined ? fixAll(input, [finding]) : undefined;
    if (migration) return [{ ...migration, isPreferred: true }];
    return finding.ruleId === 'bedrock/langchain' ? notes(input, finding, reason) : [];
  }
  return NOTE_RULES.has(finding.ruleId) ? notes(input, finding) : [];
}

/** Every safe fix in the document merged into one proposal, or undefined when there is nothing to fix. */
export function fixAll(input: FixInput, findings: readonly Finding[]): FixProposal | undefined {
  if (!isScriptLanguage(input.languageId) || !findings.some((finding) => finding.fixable) || !parses(input)) return undefined;
  const migration = migrationProposal(input);
  const placeholders = placeholderFixesInFixAll(input, findings);
  if (placeholders.size === 0) return migration && structuredClone(migration);
  // Copies: callers own what they get, the memo keeps its own.
  const placeholderEdits = structuredClone(dedupe([...placeholders.values()].flatMap((fix) => fix.edits)));
  if (migration) {
    const copy = structuredClone(migration);
    return { ...copy, edits: sortEdits([...copy.edits, ...placeholderEdits]) };
  }
  const only = placeholders.size === 1 ? [...placeholders.values()][0] : undefined;
  return {
    title: only ? l10n.t("Use endpoint '{0}'", only.endpointName) : l10n.t('Use the mapped SageMaker endpoints'),
    edits: sortEdits(placeholderEdits),
    kind: 'quickfix',
  };
}

/** The file migration (Bedrock Runtime → SageMaker Runtime), memoized; undefined when blocked or nothing changes. */
function migrationProposal(input: FixInput): FixProposal | undefined {
  return memoized(input, 'migration', () => {
    if (assessment(input).blockers.length > 0) return undefined;
    let result: ReturnType<typeof runTransforms>;
    try {
      result = runTransforms(input, TRANSFORMS, undefined, takeOriginal(input));
    } catch {
      // Transforms that disagree (overlapping edits) mean no safe rewrite.
      return undefined;
    }
    if (result.edits.length === 0) return undefined;
    // Kept for a caller without a tree of its own (`scan --fix`), which analyses the fixed text next; the editor does not.
    if (result.last && !input.sourceFile) remember<MigrationRun>(input, 'run', { text: result.text, last: result.last });
    return {
      title: l10n.t('Migrate this file to SageMaker Runtime'),
      edits: result.edits,
      ...(result.createFiles.length > 0 ? { createFiles: result.createFiles } : {}),
      kind: 'quickfix' as const,
    };
  });
}

function placeholderFixFor(input: FixInput, finding: Finding): ReturnType<typeof placeholderFix> {
  return memoized(input, `placeholder:${findingKey(finding)}`, () => placeholderFix(input.text, input.languageId as ScriptLanguage, input.fileName, input.settings, finding));
}

/** The fix of the mapped placeholder whose own TODO comment holds `finding`. */
function placeholderFixRemoving(input: FixInput, finding: Finding): ReturnType<typeof placeholderFix> {
  const placeholders = detectMigrationTodos(input.text, input.languageId as ScriptLanguage, input.settings).filter(isPlaceholderFinding);
  return placeholders.map((placeholder) => placeholderFixFor(input, placeholder))
    .find((fix) => fix?.edits.some((edit) => removes(edit, finding)));
}

/** A deletion that takes `finding`'s text away with it. */
function removes(edit: TextEdit, finding: Finding): boolean {
  return edit.newText === '' && edit.range.start < edit.range.end && edit.range.start <= finding.range.start && finding.range.end <= edit.range.end;
}

/**
 * The placeholder fixes fix-all applies, by finding key: those of fixable placeholder findings whose edits do not
 * overlap the file migration's (the migration wins) nor another placeholder fix's (except the same TODO line).
 */
function placeholderFixesInFixAll(input: FixInput, findings: readonly Finding[]): Map<string, NonNullable<ReturnType<typeof placeholderFix>>> {
  const taken: TextEdit[] = [...(migrationProposal(input)?.edits ?? [])];
  const fixes = new Map<string, NonNullable<ReturnType<typeof placeholderFix>>>();
  for (const finding of findings) {
    if (!finding.fixable || !isPlaceholderFinding(finding)) continue;
    const fix = placeholderFixFor(input, finding);
    if (!fix || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other) && !sameEdit(edit, other)))) continue;
    taken.push(...fix.edits);
    fixes.set(findingKey(finding), fix);
  }
  return fixes;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end
    || (a.range.start === a.range.end && a.range.start === b.range.start) || (b.range.start === b.range.end && b.range.start === a.range.start);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  return edits.filter((edit, index) => edits.findIndex((other) => sameEdit(edit, other)) === index);
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

function parses(input: FixInput, parsed?: ts.SourceFile): boolean {
  const tree = parsed ?? input.sourceFile;
  return memoized(input, 'parses', () => !treeHasSyntaxErrors(tree ?? originalTree(input)));
}

function assessment(input: FixInput, findings?: readonly Finding[], parsed?: ts.SourceFile, memo?: CheckMemo): Assessment {
  return memoized(input, 'assessment', () => {
    if (findings || parsed || input.sourceFile) return assess(input, TRANSFORMS, findings, parsed, memo);
    const original = originalAnalysis(input);
    return assess(input, TRANSFORMS, original.findings, original.sourceFile);
  });
}

// Without a tree from the caller (`scan --fix`), the syntax check, the assessment and the first rewrite pass share
// one parse and one analysis of the text: on a large file each costs as much as a whole scan. The analysis is the
// incremental one the rewrite passes go on with (pipeline.ts: analyseText).
function originalTree(input: FixInput): ts.SourceFile {
  return memoized(input, 'tree', () => originalAnalysis(input).sourceFile);
}

function originalAnalysis(input: FixInput): ParsedText {
  return memoized(input, 'original', () => analyseText(input, input.text));
}

/** The shared parse and analysis for the first rewrite pass, no longer kept here: the passes free it as they go. */
function takeOriginal(input: FixInput): ParsedText | undefined {
  forget<ts.SourceFile>(input, 'tree');
  return forget<ParsedText>(input, 'original');
}

/**
 * `analyze` of the text fix-all made of this document (`fixedText`): when the file migration of the same input ran
 * last, its last analysis goes on to `fixedText` incrementally (only the statements the last passes and the
 * placeholder fixes edited are analysed again) instead of analysing the whole text afresh.
 */
export function analyzeFixedText(input: FixInput, fixedText: string): AnalyzeResult {
  const fixedInput = { text: fixedText, languageId: input.languageId, settings: input.settings, fileName: input.fileName };
  const run = forget<MigrationRun>(input, 'run');
  const incremental = run?.last.parsed.incremental;
  if (!run || !incremental) return analyze(fixedInput);
  const change = fixedText === run.text ? { from: run.last.parsed.text, edits: run.last.edits } : undefined;
  return analyze(fixedInput, DEFAULT_LIMITS, (script) => incremental.analyze(script, change));
}

/** What the file migration's run ended with: the text it made, and its last analysis (see analyzeFixedText). */
type MigrationRun = { text: string; last: NonNullable<ReturnType<typeof runTransforms>['last']> };

// A code-action request asks for the fixes of every diagnostic in view: the file migration and the assessment
// are the same for all of them, so the last document's results are kept (keyed by everything they depend on).
// The text is compared apart from the rest of the key: joining it in would copy it on every keystroke.
let lastText: string | undefined;
let lastKey: string | undefined;
const lastResults = new Map<string, unknown>();

function memoized<T>(input: FixInput, what: string, compute: () => T): T {
  const key = memoKey(input);
  if (key !== lastKey || input.text !== lastText) {
    lastText = input.text;
    lastKey = key;
    lastResults.clear();
  }
  if (!lastResults.has(what)) lastResults.set(what, compute());
  return lastResults.get(what) as T;
}

/**
 * Drops the memo. For tests that compare a fresh refinement with the editor's: the editor's refinement of the same
 * text would otherwise answer for it.
 */
export function forgetFixResults(): void {
  lastText = undefined;
  lastKey = undefined;
  lastResults.clear();
}

/** Keeps `value` in the memo of this document (whose key `memoized` has set). */
function remember<T>(input: FixInput, what: string, value: T): void {
  if (memoKey(input) === lastKey && input.text === lastText) lastResults.set(what, value);
}

/** Removes and returns what the memo holds for this document, if anything. */
function forget<T>(input: FixInput, what: string): T | undefined {
  if (memoKey(input) !== lastKey || input.text !== lastText) return undefined;
  const value = lastResults.get(what) as T | undefined;
  lastResults.delete(what);
  return value;
}

/**
 * What the fixes of one document had computed when its scan ended (its analysis, syntax check, assessment): a scan
 * that analysed the text incrementally (analyzeWithFixability) hands it on to `scan --fix`, which then starts from
 * it instead of analysing the same text again (fixStarts.ts).
 */
export interface FixStart {
  readonly key: string;
  readonly text: string;
  readonly results: ReadonlyMap<string, unknown>;
}

/** Makes `parsed` (the analysis of `input.text`, going on incrementally) what the fixes of this document start from. */
export function startFixesFrom(input: FixInput, parsed: ParsedText): void {
  memoized(input, 'original', () => parsed);
}

/** What the memo holds for this document, to resume later with `resumeFixes` (undefined for another document). */
export function fixStartOf(input: FixInput): FixStart | undefined {
  const key = memoKey(input);
  if (key !== lastKey || input.text !== lastText) return undefined;
  return { key, text: input.text, results: new Map(lastResults) };
}

/** Puts back what `fixStartOf` took for this very document (same text and place); false when it is not that one. */
export function resumeFixes(input: FixInput, start: FixStart): boolean {
  if (input.text !== start.text || memoKey(input) !== start.key) return false;
  lastText = start.text;
  lastKey = start.key;
  lastResults.clear();
  for (const [what, value] of start.results) lastResults.set(what, value);
  return true;
}

/** Everything the memo depends on but the text (see lastText). */
function memoKey(input: FixInput): string {
  return [input.languageId, input.fileName, input.workspaceRelativePath, JSON.stringify(input.settings), JSON.stringify(input.packageContext ?? null)].join('\u0000');
}

/**
 * The findings with `fixable` made exact for this document: a finding the detector marks fixable becomes
 * unfixable, with the reason appended to its message, when the rewrite would not be safe here. A fixable call
 * whose model id has no endpoint mapping keeps its fix, and its message asks for the mapping. `parsed`: the
 * document's syntax tree with parent pointers, when the caller has one (see analyzeWithFixability). `memo`: the
 * check verdicts the editor keeps across versions of the document (refinementReuse.ts).
 */
export function refineFixability(input: FixInput, findings: readonly Finding[], parsed?: ts.SourceFile, memo?: CheckMemo): Finding[] {
  if (input.languageId === 'markdown') return refineMarkdownFixability(input, findings);
  if (!isScriptLanguage(input.languageId) || !findings.some((finding) => finding.fixable)) return [...findings];
  if (!memo) workCounters.findingsRefined += findings.length;
  if (!parses(input, parsed)) return waitingForSyntax(findings);
  const placeholders = findings.some(isPlaceholderFinding) ? placeholderFixesInFixAll(input, findings) : new Map();
  const fixEdits = [...placeholders.values()].flatMap((fix) => fix.edits);
  const assessed = assessment(input, findings, parsed, memo);
  return findings.map((finding) => {
    if (isPlaceholderFinding(finding)) {
      if (!finding.fixable || placeholders.has(findingKey(finding))) return finding;
      return notFixed(finding, l10n.t('the file migration rewrites this code'));
    }
    // The placeholder's own TODO comment goes with it.
    if (finding.ruleId === 'bedrock/migration-todo' && !finding.fixable
      && fixEdits.some((edit) => removes(edit, finding))) return findingWith(finding, { fixable: true });
    if (!finding.fixable) return finding;
    // A blocked file gets no fix-all at all: nothing in it is fixed, the region of its client included.
    const reason = isFileMigrationFinding(finding) || assessed.blockers.length > 0 ? unfixableReason(assessed, finding) : assessed.refusals.get(findingKey(finding));
    if (reason !== undefined) return notFixed(finding, reason);
    const modelId = finding.data.modelId;
    if (OPERATION_RULES.has(finding.ruleId) && typeof modelId === 'string' && !mappingForModelId(input.settings, modelId)) {
      return findingWith(finding, { message: `${finding.message} ${localizedOnce('unmapped', modelId, () => l10n.t("Map '{0}' to its SageMaker endpoint in the bedrockToSagemaker.endpoints setting; without a mapping the fix writes a placeholder endpoint name.", modelId))}` });
    }
    return finding;
  });
}

/** The refined findings of a script that does not parse: every fixable one waits for the syntax errors to be corrected. */
export function waitingForSyntax(findings: readonly Finding[], before?: WaitedBefore): Finding[] {
  const locale = currentLocale();
  let reason: string | undefined;
  const refined: Finding[] = [];
  for (const finding of findings) { // a loop, not a closure per keystroke: the editor calls this while a line is half typed
    if (!finding.fixable) {
      refined.push(finding);
      continue;
    }
    // The editor hands back the same finding objects while their statements are unchanged: made waiting once.
    const known = waitingOf.get(finding);
    if (known?.locale === locale) {
      refined.push(known.waiting);
      continue;
    }
    // A copy the editor moved with its statement (findingMoves.ts) waits as its origin does, moved likewise.
    const origin = movedFrom(finding);
    const fromOrigin = origin && waitingOf.get(origin);
    let waiting: Finding;
    if (fromOrigin?.locale === locale) {
      waiting = findingWith(fromOrigin.waiting, { range: finding.range });
    } else if (before?.locale === locale && before.findings.length === findings.length && sameApartFromRange(before.findings[refined.length], finding)) {
      // Made anew (its statement analysed again) yet alike the one at its index before: it waits as that one did.
      waiting = findingWith(before.waiting[refined.length], { range: finding.range });
    } else {
      workCounters.waitingFindingsMade++;
      waiting = notFixed(finding, (reason ??= syntaxErrorReason()));
      // Kept with the origin too, for the copies to come (the typing after this keystroke moves this one again).
      if (origin) waitingOf.set(origin, { locale, waiting: findingWith(waiting, { range: origin.range }) });
    }
    waitingOf.set(finding, { locale, waiting });
    refined.push(waiting);
  }
  return refined;
}

/** The findings waitingForSyntax was given last for a document, and what it made of them. */
export interface WaitedBefore {
  findings: readonly Finding[];
  waiting: readonly Finding[];
  locale: Locale;
}

/** What waitingForSyntax made of a finding, in the locale it wrote its message in (findings are never changed in place). */
const waitingOf = new ObjectCache<Finding, { locale: Locale; waiting: Finding }>('waitingForSyntax', 'finding');

/** A Markdown document's findings, fixable exactly when its fix-all changes them (fences get no created modules). */
function refineMarkdownFixability(input: FixInput, findings: readonly Finding[]): Finding[] {
  const refusals = markdownFixAllRefusals(input, findings, fixesForFinding);
  return findings.map((finding) => {
    const reason = refusals.get(finding);
    return reason === undefined ? finding : notFixed(finding, reason);
  });
}

/** The finding marked as one fix-all leaves, with the reason in its message and in `data.notFixed`. */
export function notFixed(finding: Finding, reason: string): Finding {
  const message = `${finding.message} ${localizedOnce('notFixed', reason, () => l10n.t('Not fixed automatically: {0}.', reason))}`;
  return findingWith(finding, { fixable: false, message, data: { ...finding.data, notFixed: reason } });
}

/**
 * A message part `localize` formats for `argument` (with l10n.t), made once per kind and argument in the current
 * locale: a keystroke refines every finding of the file, and formatting the same few texts again for each refused or
 * unmapped one grew with the file (issue #13).
 */
function localizedOnce(kind: string, argument: string, localize: () => string): string {
  // Arguments can name things of the code (a model id, a function): bounded, as any number of them can come and go.
  if (localizedLocale !== currentLocale() || localizedCount >= 256) {
    localized.clear();
    localizedCount = 0;
    localizedLocale = currentLocale();
  }
  let byArgument = localized.get(kind);
  if (!byArgument) localized.set(kind, (byArgument = new Map()));
  let text = byArgument.get(argument);
  if (text === undefined) {
    byArgument.set(argument, (text = localize()));
    localizedCount++;
  }
  return text;
}

const localized = new Map<string, Map<string, string>>();
let localizedCount = 0;
let localizedLocale: Locale | undefined;

/** Findings the file migration (Bedrock Runtime → SageMaker Runtime) fixes as a whole, or leaves as a whole. */
export function isFileMigrationFinding(finding: Finding): boolean {
  return FILE_MIGRATION_RULES.has(finding.ruleId)
    || (finding.ruleId === 'bedrock/import' && (finding.data.service === 'runtime' || finding.data.library === 'ai-sdk'));
}

function unfixableReason(assessment: Assessment, finding: Finding): string | undefined {
  const own = assessment.refusals.get(findingKey(finding));
  if (own !== undefined) return own;
  const blocker = assessment.blockers[0];
  if (!blocker) return undefined;
  const what = [blocker.data.operation, blocker.data.className, blocker.data.name].find((value) => typeof value === 'string') ?? blocker.ruleId;
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

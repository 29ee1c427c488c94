import type ts from '../typescript';
import { analyze, DEFAULT_LIMITS } from '../analyze';
import { isScriptLanguage } from '../languages';
import { analyzeScriptTree } from '../script/analyzeScript';
import { IncrementalScriptAnalysis } from '../script/incremental/incrementalScript';
import { parseScript } from '../script/parse';
import { scanNodes } from '../script/scanNodes';
import type { Finding, OffsetRange, RuleId, ScriptLanguage } from '../types';
import { FixContext, type RunState } from './fixContext';
import { applyEdits, assertDisjoint, composeEdits, sortEdits } from '../textEdits';
import type { FixTransform, Verdict } from './transform';
import type { CheckMemo } from './checkMemo';
import { recordReads } from './support/checkReads';
import { indexStatements } from './support/nodes';
import type { CreatedFile, FixInput, TextEdit } from '../fixTypes';
import { workCounters } from '../workCounters';

export interface RunResult {
  /** Disjoint, sorted edits against the input text. */
  edits: TextEdit[];
  createFiles: CreatedFile[];
  text: string;
  /** The last text a pass analysed and the edits the later passes made to it (none when it is `text`). */
  last?: { parsed: ParsedText; edits: TextEdit[] };
}

/**
 * Runs transforms in order. Each pass works on a parse of the text the previous pass produced, and on its
 * analysis, so a transform only ever reasons about real code; a pass that changed nothing leaves both to the next
 * one (one parse and one analysis per text, however many findings). The texts are analysed incrementally: after a
 * pass, only the statements it edited are parsed and analysed again (a pass edits a few statements of a large
 * file). The passes' edits are folded into one minimal list against the original text.
 */
export function runTransforms(input: FixInput, transforms: readonly FixTransform[], only?: OffsetRange, original?: ParsedText): RunResult {
  const run = runState(input);
  let text = input.text;
  let composed: TextEdit[] = [];
  // The caller's parse and analysis of the input text, when it has one; cleared so that only the run holds it.
  let parsed: ParsedText | undefined = original;
  original = undefined;
  // The last text analysed, and the edits made to it since: where the next analysis starts from.
  let last: { parsed: ParsedText; edits: TextEdit[] } | undefined;
  transforms.forEach((transform, pass) => {
    parsed ??= analyseText(input, text, last);
    last = { parsed, edits: [] };
    const context = new FixContext(text, () => parsed!.findings, run, parsed.sourceFile);
    // A quick fix for one finding selects it by range in the first pass, where ranges are the original ones.
    const findings = transform.rules.length === 0 ? [] : context.findingsOf(transform.rules)
      .filter((finding) => !only || pass > 0 || (finding.range.start === only.start && finding.range.end === only.end));
    if (findings.length === 0 && transform.rules.length > 0) return;
    workCounters.rewritePasses++;
    transform.apply(context, findings);
    const edits = sortEdits(context.finish());
    if (edits.length === 0) return;
    assertDisjoint(edits, text.length);
    composed = composeEdits(input.text, composed, edits);
    text = applyEdits(text, edits);
    last.edits = edits;
    parsed = undefined;
  });
  return { edits: composed, createFiles: [...run.createFiles.values()], text, ...(last ? { last } : {}) };
}

/** A text of a fix run: its tree (parent pointers set) and its findings, analysed when first asked for. */
export class ParsedText {
  private analysed: Finding[] | undefined;

  /** `incremental`: the analysis that made `findings` and `sourceFile`, which can go on to the next text. */
  constructor(
    private readonly input: FixInput, readonly text: string, readonly sourceFile: ts.SourceFile,
    findings?: Finding[], readonly incremental?: IncrementalScriptAnalysis,
  ) {
    this.analysed = findings;
    // The fixes find a name's references in the statements the analysis's name index gives (each walked once while
    // it lives, see statementReferencesTo), not in a walk of the whole tree per pass.
    if (incremental) {
      indexStatements(sourceFile, {
        naming: (name) => (incremental.lazyTree?.tree === sourceFile ? incremental.statementsNaming(name) : undefined),
        moduleStatements: () => undefined,
      });
    }
  }

  get findings(): Finding[] {
    this.analysed ??= analyseTree(this.input, this.text, this.sourceFile);
    return this.analysed;
  }
}

/**
 * The parse and analysis of `text` for a pass (no migration TODOs: no transform owns them). After `previous` (the
 * text last analysed and the edits that made `text` from it), only the statements those edits touched are parsed
 * and analysed again; the tree of `previous` is given up.
 */
export function analyseText(input: FixInput, text: string, previous?: { parsed: ParsedText; edits: readonly TextEdit[] }, migrationTodos = false): ParsedText {
  if (!isScriptLanguage(input.languageId)) return parseAndAnalyse(input, text);
  const scriptInput = { text, languageId: input.languageId, settings: input.settings, fileName: input.fileName };
  const incremental = previous?.parsed.incremental ?? new IncrementalScriptAnalysis();
  const change = previous?.parsed.incremental ? { from: previous.parsed.text, edits: previous.edits } : undefined;
  const freshParses = workCounters.freshParses;
  const findings = analyze(scriptInput, DEFAULT_LIMITS, (script) => incremental.analyze(script, change), { migrationTodos }).findings;
  const tree = incremental.currentTree;
  if (!tree || tree.text !== text) {
    // Not analysed (no Bedrock word, over the size limit): its parse gets its parents from a walk of its own.
    incremental.reset();
    return parseAndAnalyse(input, text);
  }
  if (workCounters.freshParses > freshParses) workCounters.fixAnalyses++;
  else workCounters.fixReanalyses++;
  return new ParsedText(input, text, tree, findings, incremental);
}

/** The parse and analysis of `text` (`sourceFile`: the caller's own parse of it, with or without parent pointers). */
export function parseAndAnalyse(input: FixInput, text: string, sourceFile = parseScript(text, input.languageId as ScriptLanguage, input.fileName, false)): ParsedText {
  const parsed = new ParsedText(input, text, sourceFile);
  void parsed.findings;
  return parsed;
}

/** The findings a rewrite pass reads (no migration TODOs: no transform owns them), on `sourceFile`, whose parents it sets. */
function analyseTree(input: FixInput, text: string, sourceFile: ts.SourceFile): Finding[] {
  let findings: Finding[] = [];
  if (isScriptLanguage(input.languageId)) {
    workCounters.fixAnalyses++;
    const scriptInput = { text, languageId: input.languageId, settings: input.settings, fileName: input.fileName };
    findings = analyze(scriptInput, DEFAULT_LIMITS, () => analyzeScriptTree(sourceFile, scriptInput), { migrationTodos: false }).findings;
  }
  // The analysis walks (and so sets the parents of) only a text it analyses: one without a Bedrock word, or over
  // the size limit, gets them from a walk of its own.
  if (sourceFile.endOfFileToken.parent === undefined) scanNodes(sourceFile);
  return findings;
}

export interface Assessment {
  /** Why a finding a transform owns will not be rewritten, by finding key. */
  refusals: Map<string, string>;
  /** Findings that keep the whole file from being migrated (an operation with no SageMaker counterpart). */
  blockers: Finding[];
}

/** Runtime operations with no SageMaker counterpart: migrating their client would break them. */
const BLOCKING_RULES: readonly RuleId[] = ['bedrock/guardrail', 'bedrock/count-tokens', 'bedrock/async-invoke', 'bedrock/bidirectional-stream'];

/**
 * Asks every transform about its findings in the original text (`findings`: the analysis of it, when known; `parsed`:
 * its tree, when known), before anything is rewritten. `memo`: the verdicts of an earlier version of the text that
 * are still exact (the editor's, see refinementReuse.ts); only the other checks run.
 */
export function assess(input: FixInput, transforms: readonly FixTransform[], findings?: readonly Finding[], parsed?: ts.SourceFile, memo?: CheckMemo): Assessment {
  const run = runState(input);
  // The caller's findings and tree of this very text spare a second analysis and parse (a scan refines every file
  // that has findings).
  const context = new FixContext(input.text, findings ?? findingsOf(input, input.text), run, parsed ?? input.sourceFile);
  const refusals = new Map<string, string>();
  const blockers = context.findings.filter((finding) => BLOCKING_RULES.includes(finding.ruleId) && finding.data.service === 'runtime');
  // With a memo, the findings refined are those checked again (without, refineFixability counts them all).
  const rechecked = new Set<Finding>();
  for (const transform of transforms) {
    if (!transform.check) continue;
    for (const finding of context.findingsOf(transform.rules)) {
      let verdict = memo?.verdictOf(transform, finding);
      if (!verdict && memo) {
        verdict = checkAndKeep(memo, transform, context, finding);
        rechecked.add(finding);
      }
      verdict ??= check(transform, context, finding);
      if (verdict.ok) continue;
      refusals.set(findingKey(finding), verdict.reason);
      if (transform.refusalBlocksFile !== false) blockers.push(finding);
    }
  }
  workCounters.findingsRefined += rechecked.size;
  return { refusals, blockers };
}

function check(transform: FixTransform, context: FixContext, finding: Finding): Verdict {
  workCounters.checks++;
  return transform.check!(context, finding);
}

/** Checks `finding` and keeps the verdict with what the check read, for later versions of the text. */
function checkAndKeep(memo: CheckMemo, transform: FixTransform, context: FixContext, finding: Finding): Verdict {
  const { value, reads } = recordReads(() => check(transform, context, finding), memo.observer);
  memo.keep(transform, finding, value, reads);
  return value;
}

export function findingKey(finding: Finding): string {
  return `${finding.ruleId}@${finding.range.start}-${finding.range.end}`;
}

function runState(input: FixInput): RunState {
  return {
    settings: input.settings,
    languageId: input.languageId as ScriptLanguage,
    fileName: input.fileName,
    workspaceRelativePath: input.workspaceRelativePath,
    packageContext: input.packageContext,
    createFiles: new Map(),
  };
}

// The arrow to analyze.ts points down: detection (analyze.ts and what it calls) never imports fixes/, which
// .dependency-cruiser.cjs enforces, so a fix can re-run the very analysis the editor and the CLI run.
function findingsOf(input: FixInput, text: string): Finding[] {
  if (!isScriptLanguage(input.languageId)) return [];
  workCounters.fixAnalyses++;
  return analyze({ text, languageId: input.languageId, settings: input.settings, fileName: input.fileName }).findings;
}

import { analyze } from '../analyze';
import { isScriptLanguage } from '../languages';
import type { Finding, OffsetRange, RuleId, ScriptLanguage } from '../types';
import { FixContext, type RunState } from './context';
import { applyEdits, assertDisjoint, composeEdits, sortEdits } from '../textEdits';
import type { FixTransform, Verdict } from './transform';
import type { CreatedFile, FixInput, TextEdit } from '../fixTypes';

export interface RunResult {
  /** Disjoint, sorted edits against the input text. */
  edits: TextEdit[];
  createFiles: CreatedFile[];
  text: string;
}

/**
 * Runs transforms in order. Each pass re-parses and re-analyses the text the previous pass produced, so a
 * transform only ever reasons about real code; the passes' edits are folded into one minimal list against
 * the original text.
 */
export function runTransforms(input: FixInput, transforms: readonly FixTransform[], only?: OffsetRange): RunResult {
  const run = runState(input);
  let text = input.text;
  let composed: TextEdit[] = [];
  transforms.forEach((transform, pass) => {
    const context = new FixContext(text, findingsOf(input, text), run);
    // A quick fix for one finding selects it by range in the first pass, where ranges are the original ones.
    const findings = context.findingsOf(transform.rules)
      .filter((finding) => !only || pass > 0 || (finding.range.start === only.start && finding.range.end === only.end));
    if (findings.length > 0 || transform.rules.length === 0) transform.apply(context, findings);
    const edits = sortEdits(context.finish());
    if (edits.length === 0) return;
    assertDisjoint(edits, text.length);
    composed = composeEdits(input.text, composed, edits);
    text = applyEdits(text, edits);
  });
  return { edits: composed, createFiles: [...run.createFiles.values()], text };
}

export interface Assessment {
  /** Why a finding a transform owns will not be rewritten, by finding key. */
  refusals: Map<string, string>;
  /** Findings that keep the whole file from being migrated (an operation with no SageMaker counterpart). */
  blockers: Finding[];
}

/** Runtime operations with no SageMaker counterpart: migrating their client would break them. */
const BLOCKING_RULES: readonly RuleId[] = ['bedrock/guardrail', 'bedrock/count-tokens', 'bedrock/async-invoke', 'bedrock/bidirectional-stream'];

/** Asks every transform about its findings in the original text (`findings`: the analysis of it, when known), before anything is rewritten. */
export function assess(input: FixInput, transforms: readonly FixTransform[], findings?: readonly Finding[]): Assessment {
  const run = runState(input);
  // The caller's findings of this very text spare a second analysis (a scan refines every file that has findings).
  const context = new FixContext(input.text, findings ?? findingsOf(input, input.text), run);
  const refusals = new Map<string, string>();
  const blockers = context.findings.filter((finding) => BLOCKING_RULES.includes(finding.ruleId) && finding.data.service === 'runtime');
  for (const transform of transforms) {
    if (!transform.check) continue;
    for (const finding of context.findingsOf(transform.rules)) {
      const verdict: Verdict = transform.check(context, finding);
      if (verdict.ok) continue;
      refusals.set(findingKey(finding), verdict.reason);
      if (transform.refusalBlocksFile !== false) blockers.push(finding);
    }
  }
  return { refusals, blockers };
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
  return analyze({ text, languageId: input.languageId, settings: input.settings, fileName: input.fileName }).findings;
}

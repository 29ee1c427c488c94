import type ts from '../typescript';
import { analyze, DEFAULT_LIMITS } from '../analyze';
import { isScriptLanguage } from '../languages';
import { analyzeScriptKeepingTree } from '../script/analyzeScript';
import { IncrementalScriptAnalysis } from '../script/incremental/incrementalScript';
import type { AnalyzeInput, AnalyzeLimits, AnalyzeResult, Finding } from '../types';
import { fixStartOf, refineFixability, startFixesFrom } from './index';
import { ParsedText } from './pipeline';
import type { FixStarts } from './fixStarts';
import type { FixInput } from '../fixTypes';

/** Where a file sits for its fixes (asked only for a file that has something to fix). */
export type FixPlace = Pick<FixInput, 'workspaceRelativePath' | 'packageContext'>;

/**
 * `analyze`, then `refineFixability`, on one parse: the refinement's syntax check and fix assessment use the tree the
 * analysis made instead of parsing the text twice more. For a scan or a report, which refine every file with a
 * fixable finding. `starts`: where a scan that fixes next (`scan --fix`) keeps what the fixes of a script can start
 * from, while it has room.
 */
export function analyzeWithFixability(input: AnalyzeInput, placeOf: () => FixPlace, starts?: FixStarts): AnalyzeResult {
  if (starts && isScriptLanguage(input.languageId) && starts.makeRoomFor(input.text.length)) return analyzeForFixes(input, placeOf, starts);
  const { result, tree } = analyzeKeepingTree(input);
  if (result.skipped || !result.findings.some((finding) => finding.fixable)) return result;
  return { findings: refineFixability({ ...input, ...placeOf() }, result.findings, tree) };
}

/** `analyze`, with the script's syntax tree when the text is a script: what a refinement of its findings can reuse. */
export function analyzeKeepingTree(input: AnalyzeInput, limits: AnalyzeLimits = DEFAULT_LIMITS): { result: AnalyzeResult; tree?: ts.SourceFile } {
  let tree: ts.SourceFile | undefined;
  const result = analyze(input, limits, (scriptInput) => {
    const analysis = analyzeScriptKeepingTree(scriptInput);
    tree = analysis.sourceFile;
    return analysis.findings;
  });
  return { result, tree };
}

/**
 * The same, analysing the script as the fixes' rewrite passes do (pipeline.ts: incrementally, one summary per
 * statement), so that the first pass goes on from this analysis instead of making its own: kept in `starts` with
 * the refinement's syntax check and assessment when the file has something to fix.
 */
function analyzeForFixes(input: AnalyzeInput, placeOf: () => FixPlace, starts: FixStarts): AnalyzeResult {
  const incremental = new IncrementalScriptAnalysis();
  let scriptFindings: Finding[] = [];
  const result = analyze(input, DEFAULT_LIMITS, (scriptInput) => (scriptFindings = incremental.analyze(scriptInput)));
  const tree = incremental.currentTree;
  if (result.skipped || !tree || !result.findings.some((finding) => finding.fixable)) return result;
  const fixInput: FixInput = { ...input, ...placeOf() };
  // A rewrite pass reads the script's findings only (no migration TODOs), in the order `analyze` sorts them.
  const own = new Set(scriptFindings);
  startFixesFrom(fixInput, new ParsedText(fixInput, input.text, tree, result.findings.filter((finding) => own.has(finding)), incremental));
  const findings = refineFixability(fixInput, result.findings, tree);
  const start = fixStartOf(fixInput);
  if (start && input.fileName !== undefined) starts.keep(input.fileName, start);
  return { findings };
}

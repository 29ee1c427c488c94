import type ts from '../typescript';
import { analyze, DEFAULT_LIMITS } from '../analyze';
import { analyzeScriptKeepingTree } from '../script/analyzeScript';
import type { AnalyzeInput, AnalyzeResult } from '../types';
import { refineFixability } from './index';
import type { FixInput } from '../fixTypes';

/** Where a file sits for its fixes (asked only for a file that has something to fix). */
export type FixPlace = Pick<FixInput, 'workspaceRelativePath' | 'packageContext'>;

/**
 * `analyze`, then `refineFixability`, on one parse: the refinement's syntax check and fix assessment use the tree the
 * analysis made instead of parsing the text twice more. For a scan or a report, which refine every file with a
 * fixable finding.
 */
export function analyzeWithFixability(input: AnalyzeInput, placeOf: () => FixPlace): AnalyzeResult {
  let tree: ts.SourceFile | undefined;
  const result = analyze(input, DEFAULT_LIMITS, (scriptInput) => {
    const analysis = analyzeScriptKeepingTree(scriptInput);
    tree = analysis.sourceFile;
    return analysis.findings;
  });
  if (result.skipped || !result.findings.some((finding) => finding.fixable)) return result;
  return { findings: refineFixability({ ...input, ...placeOf() }, result.findings, tree) };
}

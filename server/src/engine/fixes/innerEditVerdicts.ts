import type ts from '../typescript';
import type { Finding } from '../types';
import type { InnerEditForRefinement, InnerEditStep } from '../script/incremental/innerEditForRefinement';
import type { CheckReads } from './support/checkReads';
import { statementReferencesTo } from './support/nodes';
import type { Verdict } from './transform';
import { workCounters } from '../workCounters';

/** A kept verdict, what its check read, and whether its transform reads around its finding's statement only by name. */
export interface Kept {
  verdict: Verdict;
  reads: CheckReads;
  readsByName: boolean;
}

/** Kept verdicts by finding shape, then by transform name. */
export type VerdictsByShape = Map<string, Map<string, Kept>>;

export interface AcrossInnerEdit {
  /** The verdicts that hold, by the shapes of the findings now. */
  kept: VerdictsByShape;
  /** The shape each finding beside the runs had before the edits. */
  earlierShapes: ReadonlyMap<Finding, string>;
  /** Every verdict held, and every finding lies beside the runs (if the findings are those of before, refining gives what it gave). */
  all: boolean;
}

/**
 * The verdicts of the statement inner reparses made the new one from (`before`) that hold in the new one, by the
 * shape (`shapeOf`) each finding has there. A verdict holds when its finding lies in a statement of the edited block
 * beside the runs (kept, only moved: the finding has the same shape once moved back), its transform's check reads the
 * blocks around that statement only by name (FixTransform.checkReadsByName), and it looked up no name the runs' old
 * or new statements mention, walked no scope and read no finding. The edit replaced no other top-level statement.
 */
export function verdictsAcrossInnerEdit(
  edit: InnerEditForRefinement, before: VerdictsByShape, findings: readonly Finding[], shapeOf: (finding: Finding, moved: number) => string,
): AcrossInnerEdit {
  const kept: VerdictsByShape = new Map();
  const earlierShapes = new Map<Finding, string>();
  let keptCount = 0;
  const runs = [...edit.removed, ...edit.added];
  const inRuns = (name: string) => runs.some((statement) => statementReferencesTo(statement, name).length > 0);
  for (const finding of findings) {
    const moved = movedBy(edit.steps, finding.range.start, finding.range.end);
    if (moved === undefined) continue;
    // In the block, beside its runs (a finding elsewhere in the top-level statement may lie in a node copied on the way down).
    if (!statementHolding(edit.block.statements, finding.range.start, finding.range.end)) continue;
    const earlier = shapeOf(finding, moved);
    earlierShapes.set(finding, earlier);
    const byName = before.get(earlier);
    if (!byName) continue;
    for (const [name, verdict] of byName) {
      if (!holds(verdict, inRuns)) continue;
      const shape = shapeOf(finding, 0);
      let now = kept.get(shape);
      if (!now) kept.set(shape, (now = new Map()));
      now.set(name, verdict);
      keptCount++;
    }
  }
  workCounters.verdictsKeptInside += keptCount;
  let verdicts = 0;
  for (const byName of before.values()) verdicts += byName.size;
  return { kept, earlierShapes, all: keptCount === verdicts && earlierShapes.size === findings.length };
}

/** How far the steps moved a range, now at `start`-`end`; undefined when it lies in (or touches) what one replaced. */
function movedBy(steps: readonly InnerEditStep[], start: number, end: number): number | undefined {
  let moved = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const { pos, removedEnd, delta } = steps[i];
    if (start >= removedEnd + delta) {
      start -= delta;
      end -= delta;
      moved += delta;
    } else if (end > pos) {
      return undefined;
    }
  }
  return moved;
}

/** `inRuns`: whether the runs' statements mention a name (asked only of the names a check looked up: most look up none). */
function holds({ readsByName, reads }: Kept, inRuns: (name: string) => boolean): boolean {
  if (!readsByName || reads.wholeFile || reads.localWalk || reads.findings || reads.findingRules.size > 0) return false;
  for (const names of [reads.names, reads.localNames, reads.counted.keys()]) {
    for (const name of names) if (inRuns(name)) return false;
  }
  return true;
}

/** The statement of a block's list whose range holds `start`-`end` (binary search: a list in document order). */
function statementHolding(statements: readonly ts.Statement[], start: number, end: number): ts.Statement | undefined {
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (statements[middle].end < end) low = middle + 1;
    else high = middle;
  }
  const statement = statements[low];
  return statement && statement.pos <= start ? statement : undefined;
}

import type ts from '../../typescript';
import { ObjectCache } from '../../objectCache';

/**
 * What an inner reparse (innerStatementReparse.ts) replaced in a top-level statement, as the fix refinement reads it
 * (refinementReuse.ts): a check whose finding lies in a statement of the block beside the runs, and that read none
 * of the runs' statements, keeps its verdict across the edits.
 */
export interface InnerEditForRefinement {
  /** The top-level statement the new one was made from (through every step). */
  from: ts.Statement;
  /** The block (in the new statement) whose runs of statements were replaced. */
  block: ts.Block;
  /** The runs' old statements and the new ones parsed in their place, of every step (a statement only moved is in neither). */
  removed: readonly ts.Statement[];
  added: readonly ts.Statement[];
  /** The steps in order, each in the text it was made from: the statement made from its own parse in between too. */
  steps: readonly InnerEditStep[];
}

/** One inner reparse: the replaced text started at `pos` (in both texts) and ended at `removedEnd`; what followed moved by `delta`. */
export interface InnerEditStep {
  pos: number;
  removedEnd: number;
  delta: number;
}

/**
 * Steps longer than this start again from the statement before (the record holds every statement removed since
 * its `from`, for as long as the refinement does not take it).
 */
const MAX_STEPS = 64;

/** On the new statement until the refinement takes it (recording one takes the record of the statement it was made from). */
const records = new ObjectCache<ts.Statement, InnerEditForRefinement>('innerEditForRefinement', 'statement');

/**
 * Records how an inner reparse made `statement` from `from`, replacing `removed` by `added` in `block` (its copy of
 * `oldBlock`). When `from` was itself made so, in the same block, and not refined since (the versions between did not
 * parse: the refinement waited), the two make one record from the statement before.
 */
export function recordInnerEditForRefinement(
  statement: ts.Statement, from: ts.Statement, oldBlock: ts.Block, edit: Omit<InnerEditForRefinement, 'from' | 'steps'> & InnerEditStep,
): void {
  const before = takeInnerEditForRefinement(from);
  const step = { pos: edit.pos, removedEnd: edit.removedEnd, delta: edit.delta };
  if (before && before.block === oldBlock && before.steps.length < MAX_STEPS) {
    records.set(statement, {
      from: before.from, block: edit.block, removed: [...before.removed, ...edit.removed], added: [...before.added, ...edit.added], steps: [...before.steps, step],
    });
  } else {
    records.set(statement, { from, block: edit.block, removed: edit.removed, added: edit.added, steps: [step] });
  }
}

/** The record of how `statement` was made, removed from it (so it holds on to no older statement). */
export function takeInnerEditForRefinement(statement: ts.Statement): InnerEditForRefinement | undefined {
  const edit = records.get(statement);
  if (edit) records.delete(statement);
  return edit;
}

import type ts from '../../typescript';
import { ObjectCache } from '../../objectCache';

/**
 * What an inner reparse (innerStatementReparse.ts) replaced in a top-level statement, as the fix refinement reads it
 * (refinementReuse.ts): a check whose finding lies in a statement of the block beside the run, and that read none
 * of the run's statements, keeps its verdict across the edit.
 */
export interface InnerEditForRefinement {
  /** The top-level statement the new one was made from. */
  from: ts.Statement;
  /** The block (in the new statement) whose run of statements was replaced. */
  block: ts.Block;
  /** The run's old statements and the new ones parsed in their place (a statement only moved is in neither). */
  removed: readonly ts.Statement[];
  added: readonly ts.Statement[];
  /** Where the replaced text starts (in both texts) and ends in the old one; everything after it moved by `delta`. */
  pos: number;
  removedEnd: number;
  delta: number;
}

/** On the new statement until the refinement takes it (one at a time: recording one drops the record of the statement it was made from). */
const records = new ObjectCache<ts.Statement, InnerEditForRefinement>('innerEditForRefinement', 'statement');

export function recordInnerEditForRefinement(statement: ts.Statement, edit: InnerEditForRefinement): void {
  records.delete(edit.from);
  records.set(statement, edit);
}

/** The record of how `statement` was made, removed from it (so it holds on to no older statement). */
export function takeInnerEditForRefinement(statement: ts.Statement): InnerEditForRefinement | undefined {
  const edit = records.get(statement);
  if (edit) records.delete(statement);
  return edit;
}

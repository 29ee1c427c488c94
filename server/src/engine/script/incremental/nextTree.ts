import ts from '../../typescript';
import { workCounters } from '../../workCounters';
import { settleTree } from './shiftNodes';
import { reparseStatement } from './statementReparse';
import { reparseInnerStatements } from './innerStatementReparse';
import { type Replacement, reparseStatements } from './statementsReparse';
import { changeBetween } from '../../textChange';

/** Above this share of the text changed, a fresh parse is cheaper than an incremental one. */
const REPARSE_SHARE = 0.5;

/**
 * The tree of `text` made from the tree of the previous version of the same document: the same tree when the
 * text did not change, else a statement-level reparse when the edit allows one, else TypeScript's incremental
 * parse. Undefined when so much changed that a fresh parse is cheaper. The previous tree is invalid afterwards.
 * `parse` parses a text exactly as `previous` was parsed (file name, kind, options), with parent pointers unless told not to. `known`: the
 * change from `previous.text` to `text` when the caller has it already (else the two texts are compared).
 * The nodes under the statements after a statement-level reparse may lag behind their statements: whoever reads
 * positions inside a statement settles it first (`settleStatement`, `settleTree`).
 */
export function nextTree(
  previous: ts.SourceFile, text: string, parse: (text: string, setParentNodes?: boolean) => ts.SourceFile, known?: ts.TextChangeRange,
): ts.SourceFile | undefined {
  if (previous.text === text) return previous;
  const change = known ?? changeBetween(previous.text, text);
  if (change.span.length + change.newLength > text.length * REPARSE_SHARE) return undefined;
  const inner = reparseInnerStatements(previous, text, change, parse);
  if (inner) {
    workCounters.statementReparses++;
    workCounters.innerStatementReparses++;
    return inner;
  }
  const spliced = reparseStatement(previous, text, change, parse);
  if (spliced) {
    workCounters.statementReparses++;
    return spliced;
  }
  workCounters.fileReparses++;
  // TypeScript's incremental parse reads and moves the positions of every node: none may lag behind its statement.
  settleTree(previous);
  return ts.updateSourceFile(previous, text, change);
}

/**
 * `nextTree` when the caller knows the edits that made `text` from the previous text (sorted, disjoint): the edited
 * statements alone are parsed when every edit lies inside one, however far apart they are.
 */
export function nextTreeAfter(previous: ts.SourceFile, text: string, edits: readonly Replacement[], parse: (text: string, setParentNodes?: boolean) => ts.SourceFile): ts.SourceFile | undefined {
  if (edits.length === 0) return previous;
  const spliced = reparseStatements(previous, text, edits, parse);
  if (!spliced) return nextTree(previous, text, parse);
  workCounters.statementReparses++;
  return spliced;
}

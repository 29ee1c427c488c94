import type ts from '../typescript';

/** The index of the top-level statement whose full text (leading trivia included) holds `offset`, or -1. */
export function statementIndexAt(statements: readonly ts.Statement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offset < statements[middle].pos) high = middle - 1;
    else if (offset >= statements[middle].end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The top-level statement whose full text (leading trivia included) holds `offset`, if any. */
export function statementAt(statements: readonly ts.Statement[], offset: number): ts.Statement | undefined {
  const index = statementIndexAt(statements, offset);
  return index < 0 ? undefined : statements[index];
}

/** The top-level statement a node belongs to (the node itself when it is one), found by parent pointers. */
export function topLevelStatementOf(node: ts.Node): ts.Statement | undefined {
  let current = node;
  while (current.parent && current.parent.parent) current = current.parent;
  return current.parent ? (current as ts.Statement) : undefined;
}

/**
 * The statements an edit removed and those it added, between what the two versions' lists share at their start and
 * at their end (the incremental parsers reuse unchanged statements as the same objects): a look at what it touched.
 * `before` undefined: no version before, every statement is new. Callers keep undefined there, not `[]`: an array
 * literal is of another hidden class than a tree's statement list, the only kind this meets while typing, and meeting
 * it at each document opened threw away this function's optimised code and its callers' (issue #13).
 */
export function replacedStatements(before: readonly ts.Statement[] | undefined, after: readonly ts.Statement[]): { gone: ts.Statement[]; added: ts.Statement[] } {
  if (!before) return { gone: [], added: after.slice() };
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const old = before.slice(head, before.length - tail);
  const now = after.slice(head, after.length - tail);
  // One statement in place of another (a keystroke inside a statement): no sets needed to tell them apart.
  if (old.length <= 1 && now.length <= 1 && old[0] !== now[0]) return { gone: old, added: now };
  const inNow = new Set(now);
  const inOld = new Set(old);
  return { gone: old.filter((statement) => !inNow.has(statement)), added: now.filter((statement) => !inOld.has(statement)) };
}

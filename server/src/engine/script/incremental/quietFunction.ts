import ts from '../../typescript';
import { ObjectCache } from '../../objectCache';
import { returnsNothingTracked, returnsNothingTrackedIn } from '../bindings';
import { skipOuterExpressions } from '../parse';
import type { StatementSummary } from './statementSummary';
import { workCounters } from '../../workCounters';

/**
 * An edit that replaced one function declaration by another of the same name in the same place (typing in its
 * body): the statements that use the name learn from the symbol tracker only that it is a function, and what calling
 * it denotes (Bindings.returnedMeaning; the detectors read nothing else of a function). When that is nothing before
 * and after, whatever the file says (returnsNothingTracked), and the function assigns nothing to its own name, its
 * users need not run their detectors again for that name: `silences` says so, for the two statements and the name.
 * Other names they declare or assign spread as usual, and so do links (a use claimed or reported in the function).
 */
export interface QuietFunction {
  silences(statement: ts.Statement, name: string): boolean;
}

export function quietFunction(
  added: ReadonlySet<ts.Statement>, removed: ReadonlyMap<ts.Statement, StatementSummary>, summaries: ReadonlyMap<ts.Statement, StatementSummary>,
): QuietFunction | undefined {
  if (added.size !== 1 || removed.size !== 1) return undefined;
  const [now] = added;
  const [[before, beforeSummary]] = removed;
  const nowSummary = summaries.get(now);
  if (!nowSummary || !ts.isFunctionDeclaration(now) || !ts.isFunctionDeclaration(before) || !now.name || !before.name) return undefined;
  const name = now.name.text;
  if (before.name.text !== name) return undefined;
  let holds: boolean | undefined;
  return {
    silences(statement, visible) {
      if (visible !== name || (statement !== now && statement !== before)) return false;
      // The new function first: its answer is what the next keystroke's function inherits (often already inherited).
      holds ??= isQuiet(now, nowSummary, name) && isQuiet(before, beforeSummary, name);
      return holds;
    },
  };
}

/**
 * Each function declaration's answer, kept with it: while typing in a function the one an edit replaces is the one
 * the edit before made, so each is walked once.
 */
const quietness = new ObjectCache<ts.FunctionDeclaration, boolean>('quietness', 'statement');

function isQuiet(fn: ts.FunctionDeclaration, summary: StatementSummary, name: string): boolean {
  let quiet = quietness.get(fn);
  if (quiet === undefined) {
    quiet = returnsNothingTracked(fn) && !assignsTo(summary, name);
    quietness.set(fn, quiet);
  }
  return quiet;
}

/**
 * The answer for a function declaration an inner reparse made (`now`, its run `added` in place of the run `removed`),
 * kept from the one it was made from (`from`) without a walk of the whole function: the same name and return type
 * nodes (the copy keeps them), and what each return denotes is read from that return alone (returnsNothingTracked).
 * - Quiet from a quiet one when the run put in returns nothing tracked and assigns nothing to the name: what the new
 *   function returns and assigns is what the old one did outside the old run (quiet), and what the new run does.
 * - Not quiet from one that was not when the run taken out returned nothing tracked and assigned nothing to the name:
 *   what made the old function not quiet lies outside that run, and the new function still has it (typing in a
 *   function that returns a Bedrock response, as every keystroke there would walk the function again).
 */
export function inheritQuietness(
  from: ts.Statement, now: ts.Statement, added: readonly ts.Statement[], addedBindingNodes: readonly ts.Node[],
  removed: readonly ts.Statement[], removedBindingNodes: readonly ts.Node[],
): void {
  if (!ts.isFunctionDeclaration(from) || !ts.isFunctionDeclaration(now) || !now.name || now.name !== from.name || now.type !== from.type) return;
  const before = quietness.get(from);
  if (before === undefined) return;
  const [statements, bindingNodes] = before ? [added, addedBindingNodes] : [removed, removedBindingNodes];
  if (!returnsNothingTrackedIn(statements) || assignsIn(bindingNodes, now.name.text)) return;
  quietness.set(now, before);
  workCounters.quietnessInherited++;
}

function assignsIn(bindingNodes: readonly ts.Node[], name: string): boolean {
  for (const node of bindingNodes) if (assigns(node, name)) return true;
  return false;
}

/** Whether the statement assigns to `name` (`name = ...`): the symbol tracker records those for the name's declarations. */
function assignsTo(summary: StatementSummary, name: string): boolean {
  return assignsIn(summary.scan.bindingNodes, name);
}

function assigns(node: ts.Node, name: string): boolean {
  return ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.CommaToken
    && ts.isIdentifier(skipOuterExpressions(node.left)) && (skipOuterExpressions(node.left) as ts.Identifier).text === name;
}

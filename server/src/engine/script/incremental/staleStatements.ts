import type ts from '../../typescript';
import type { NameIndex } from './nameIndex';
import type { QuietFunction } from './quietFunction';
import type { StatementSummary } from './statementSummary';

/** What `staleStatements` needs besides the summaries. */
export interface StaleContext {
  /** The current statements' summaries (only current statements are ever made stale). */
  summaries: ReadonlyMap<ts.Statement, StatementSummary>;
  /** The statements that went away, with their last summaries. */
  removed: ReadonlyMap<ts.Statement, StatementSummary>;
  /** Which current statements use a name. */
  names: NameIndex;
  /** The current statements whose last result links them to others. */
  linking: Iterable<ts.Statement>;
  /** A function whose body alone an edit replaced, when the statements calling it need not run again (quietFunction.ts). */
  quiet?: QuietFunction;
}

/**
 * Which top-level statements must run their detectors again: the `changed` ones, plus every kept statement that
 * can depend on a changed one, to a fixpoint. A kept statement depends on a changed one when it uses a name the
 * changed one declares or assigns (the symbol tracker connects statements only through names), or when one
 * reported or claimed something in the other (a config object shared by two clients has its region reported once).
 * Found by spreading from the changed and removed statements through the name index and the links: the cost
 * follows what depends on the change, not the size of the file.
 */
export function staleStatements(changed: Iterable<ts.Statement>, context: StaleContext): Set<ts.Statement> {
  const { summaries, removed, names } = context;
  const stale = new Set<ts.Statement>();
  const pending: ts.Statement[] = [];
  const mark = (statement: ts.Statement) => {
    if (!stale.has(statement) && summaries.has(statement)) {
      stale.add(statement);
      pending.push(statement);
    }
  };
  for (const statement of changed) mark(statement);
  // Every statement changed (a fresh tree): nothing is left to spread to.
  if (stale.size === summaries.size) return stale;
  const spreadNames = new Set<string>();
  const neighbours = linkGraph(context.linking, summaries, removed);
  const spread = (statement: ts.Statement, summary: StatementSummary) => {
    for (const name of summary.visibleNames) {
      if (spreadNames.has(name) || context.quiet?.silences(statement, name)) continue;
      spreadNames.add(name);
      for (const user of names.usersOf(name) ?? []) mark(user.statement);
    }
    for (const other of neighbours.get(statement) ?? []) mark(other);
  };
  for (const [statement, summary] of removed) spread(statement, summary);
  while (pending.length > 0) {
    const statement = pending.pop()!;
    spread(statement, summaries.get(statement)!);
  }
  return stale;
}

/**
 * Links are recorded by the statement whose detector made them; the dependency runs both ways. The owners are read
 * from their collections themselves, each loop over one kind of collection: one loop over an array of entries (an
 * empty one is of another hidden class) and a map's iterator met classes it had not seen at a document's open (issue #13).
 */
function linkGraph(
  linking: Iterable<ts.Statement>, summaries: ReadonlyMap<ts.Statement, StatementSummary>, removed: ReadonlyMap<ts.Statement, StatementSummary>,
): Map<ts.Statement, Set<ts.Statement>> {
  const graph = new Map<ts.Statement, Set<ts.Statement>>();
  const connect = (a: ts.Statement, b: ts.Statement) => {
    const set = graph.get(a);
    if (set) set.add(b);
    else graph.set(a, new Set([b]));
  };
  const linksOf = (owner: ts.Statement, summary: StatementSummary) => {
    const links = summary.result?.links;
    if (!links) return;
    for (const other of links) {
      connect(owner, other);
      connect(other, owner);
    }
  };
  for (const owner of linking) linksOf(owner, summaries.get(owner)!);
  for (const [owner, summary] of removed) linksOf(owner, summary);
  return graph;
}

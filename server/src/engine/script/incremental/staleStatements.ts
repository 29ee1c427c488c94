import type ts from '../../typescript';
import type { StatementSummary } from './statementSummary';

/**
 * Which top-level statements must run their detectors again: the added ones, plus every kept statement that can
 * depend on a changed one, to a fixpoint. A kept statement depends on a changed one when it uses a name the
 * changed one declares or assigns (the symbol tracker connects statements only through names), or when one
 * reported or claimed something in the other (a config object shared by two clients has its region reported once).
 * Kept statements without a result (settings changed) run too.
 */
export function staleStatements(
  statements: readonly ts.Statement[],
  summaries: ReadonlyMap<ts.Statement, StatementSummary>,
  added: ReadonlySet<ts.Statement>,
  removed: ReadonlyMap<ts.Statement, StatementSummary>,
): Set<ts.Statement> {
  const stale = new Set<ts.Statement>(added);
  const names = new Set<string>();
  for (const summary of removed.values()) addAll(names, summary.visibleNames);
  for (const statement of added) addAll(names, summaries.get(statement)!.visibleNames);
  const neighbours = linkGraph([summaries, removed]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const statement of statements) {
      if (stale.has(statement)) continue;
      const summary = summaries.get(statement)!;
      if (!summary.result || usesAny(summary, names) || touches(neighbours.get(statement), stale, removed)) {
        stale.add(statement);
        addAll(names, summary.visibleNames);
        grew = true;
      }
    }
  }
  return stale;
}

function addAll(target: Set<string>, names: ReadonlySet<string>): void {
  for (const name of names) target.add(name);
}

function usesAny(summary: StatementSummary, names: ReadonlySet<string>): boolean {
  for (const name of names) if (summary.scan.identifiers.has(name)) return true;
  return false;
}

function touches(linked: ReadonlySet<ts.Statement> | undefined, stale: ReadonlySet<ts.Statement>, removed: ReadonlyMap<ts.Statement, unknown>): boolean {
  if (!linked) return false;
  for (const statement of linked) if (stale.has(statement) || removed.has(statement)) return true;
  return false;
}

/** Links are recorded by the statement whose detector made them; the dependency runs both ways. */
export function linkGraph(maps: ReadonlyArray<ReadonlyMap<ts.Statement, StatementSummary>>): Map<ts.Statement, Set<ts.Statement>> {
  const graph = new Map<ts.Statement, Set<ts.Statement>>();
  const connect = (a: ts.Statement, b: ts.Statement) => {
    const set = graph.get(a);
    if (set) set.add(b);
    else graph.set(a, new Set([b]));
  };
  for (const map of maps) {
    for (const [owner, summary] of map) {
      for (const other of summary.result?.links ?? []) {
        connect(owner, other);
        connect(other, owner);
      }
    }
  }
  return graph;
}

import type ts from '../typescript';
import { workCounters } from '../workCounters';

/** A statement's entry under each name it is listed under: handed over to the statement an edit made from it. */
interface Entry {
  statement: ts.Statement;
}

/**
 * The top-level statements of the last refined tree listed under each name they mention (and under any other key the
 * refinement gives them), kept up to date edit by edit. An edit that replaces one statement by another (typing in a
 * function) hands the old one's entry over: only the names one of the two has and the other has not are touched,
 * not a removal and an addition under every name of the function on each keystroke (issue #13).
 */
export class StatementNaming {
  private readonly lists = new Map<string, Set<Entry>>();
  private readonly entries = new Map<ts.Statement, Entry>();

  add(statement: ts.Statement, names: ReadonlyMap<string, unknown>, extra: string | undefined): void {
    const entry: Entry = { statement };
    this.entries.set(statement, entry);
    for (const name of names.keys()) this.list(name, entry);
    if (extra !== undefined) this.list(extra, entry);
  }

  remove(statement: ts.Statement, names: ReadonlyMap<string, unknown>, extra: string | undefined): void {
    const entry = this.entries.get(statement);
    if (!entry) return;
    this.entries.delete(statement);
    for (const name of names.keys()) this.lists.get(name)?.delete(entry);
    if (extra !== undefined) this.lists.get(extra)?.delete(entry);
  }

  /**
   * `now` takes `before`'s place: listed under exactly its own names (`nowNames`, and `nowExtra`), as `remove` then
   * `add` would leave it. Loops over the two name maps (lookups only) and changes only the lists of the names they
   * do not share.
   */
  replace(
    before: ts.Statement, beforeNames: ReadonlyMap<string, unknown>, beforeExtra: string | undefined,
    now: ts.Statement, nowNames: ReadonlyMap<string, unknown>, nowExtra: string | undefined,
  ): void {
    const entry = this.entries.get(before);
    if (!entry) {
      this.add(now, nowNames, nowExtra);
      return;
    }
    this.entries.delete(before);
    entry.statement = now;
    this.entries.set(now, entry);
    for (const name of beforeNames.keys()) if (!nowNames.has(name)) this.lists.get(name)?.delete(entry);
    for (const name of nowNames.keys()) if (!beforeNames.has(name)) this.list(name, entry);
    if (beforeExtra !== nowExtra) {
      if (beforeExtra !== undefined) this.lists.get(beforeExtra)?.delete(entry);
      if (nowExtra !== undefined) this.list(nowExtra, entry);
    }
    workCounters.namingHandedOver++;
  }

  /** The statements listed under `name`, in document order. */
  statementsUnder(name: string): ts.Statement[] {
    const statements: ts.Statement[] = [];
    const entries = this.lists.get(name);
    if (entries) for (const entry of entries) statements.push(entry.statement);
    return statements.sort(byPosition);
  }

  clear(): void {
    this.lists.clear();
    this.entries.clear();
  }

  private list(name: string, entry: Entry): void {
    const entries = this.lists.get(name);
    if (entries) entries.add(entry);
    else this.lists.set(name, new Set([entry]));
  }
}

function byPosition(a: ts.Statement, b: ts.Statement): number {
  return a.pos - b.pos;
}

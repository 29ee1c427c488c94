import type ts from '../../typescript';

/** A statement's place in the index, under each of its names: handed over to the statement an inner reparse makes from it. */
export interface NameUser {
  statement: ts.Statement;
}

/**
 * Which current top-level statements use each identifier name, kept up to date as statements come and go, so that
 * finding the statements an edit can affect costs what the edit changed, not a look at every statement.
 */
export class NameIndex {
  private readonly users = new Map<string, Set<NameUser>>();
  private readonly entries = new Map<ts.Statement, NameUser>();

  add(statement: ts.Statement, names: Iterable<string>): void {
    const user: NameUser = { statement };
    this.entries.set(statement, user);
    this.addUser(user, names);
  }

  remove(statement: ts.Statement, names: Iterable<string>): void {
    const user = this.entries.get(statement);
    if (!user) return;
    this.entries.delete(statement);
    for (const name of names) {
      const set = this.users.get(name);
      if (!set) continue;
      set.delete(user);
      if (set.size === 0) this.users.delete(name);
    }
  }

  /**
   * `now` takes `before`'s place under every name `before` is listed under, and is listed under `more` too: for a
   * statement an inner reparse made, whose names are the old statement's and the typed run's (derivedScan.ts), it
   * costs the run's names, not a removal and an addition of each of the statement's. `all`: every name of `now`,
   * for when `before` is not listed.
   */
  handOver(before: ts.Statement, now: ts.Statement, more: Iterable<string>, all: Iterable<string>): void {
    const user = this.entries.get(before);
    if (!user) {
      this.add(now, all);
      return;
    }
    this.entries.delete(before);
    user.statement = now;
    this.entries.set(now, user);
    this.addUser(user, more);
  }

  /** The statements that use `name` (their entries: read `statement`). */
  usersOf(name: string): ReadonlySet<NameUser> | undefined {
    return this.users.get(name);
  }

  private addUser(user: NameUser, names: Iterable<string>): void {
    for (const name of names) {
      const set = this.users.get(name);
      if (set) set.add(user);
      else this.users.set(name, new Set([user]));
    }
  }
}

import type ts from '../../typescript';

/**
 * Which current top-level statements use each identifier name, kept up to date as statements come and go, so that
 * finding the statements an edit can affect costs what the edit changed, not a look at every statement.
 */
export class NameIndex {
  private readonly users = new Map<string, Set<ts.Statement>>();

  add(statement: ts.Statement, names: Iterable<string>): void {
    for (const name of names) {
      const set = this.users.get(name);
      if (set) set.add(statement);
      else this.users.set(name, new Set([statement]));
    }
  }

  remove(statement: ts.Statement, names: Iterable<string>): void {
    for (const name of names) {
      const set = this.users.get(name);
      if (!set) continue;
      set.delete(statement);
      if (set.size === 0) this.users.delete(name);
    }
  }

  usersOf(name: string): ReadonlySet<ts.Statement> | undefined {
    return this.users.get(name);
  }
}

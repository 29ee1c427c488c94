import type ts from '../../typescript';

/** Finds the top-level statement that holds an offset or a node of one version of a file. */
export class StatementIndex {
  constructor(private readonly statements: readonly ts.Statement[]) {}

  /** The statement whose full text (leading trivia included) contains `offset`, if any. */
  at(offset: number): ts.Statement | undefined {
    let low = 0;
    let high = this.statements.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const statement = this.statements[middle];
      if (offset < statement.pos) high = middle - 1;
      else if (offset >= statement.end) low = middle + 1;
      else return statement;
    }
    return undefined;
  }

  /** The top-level statement a node belongs to (the node itself when it is one). */
  of(node: ts.Node): ts.Statement | undefined {
    let current = node;
    while (current.parent && current.parent.parent) current = current.parent;
    return current.parent ? (current as ts.Statement) : undefined;
  }
}

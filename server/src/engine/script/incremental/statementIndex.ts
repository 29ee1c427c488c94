import type ts from '../../typescript';
import { statementAt, topLevelStatementOf } from '../topLevelStatements';

/** Finds the top-level statement that holds an offset or a node of one version of a file. */
export class StatementIndex {
  constructor(private readonly statements: readonly ts.Statement[]) {}

  /** The statement whose full text (leading trivia included) contains `offset`, if any. */
  at(offset: number): ts.Statement | undefined {
    return statementAt(this.statements, offset);
  }

  /** The top-level statement a node belongs to (the node itself when it is one). */
  of(node: ts.Node): ts.Statement | undefined {
    return topLevelStatementOf(node);
  }
}

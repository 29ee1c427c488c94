import ts from '../../typescript';
import { skipOuterExpressions, stringValue } from '../../script/parse';
import { constBinding } from './constBindings';

/** The model ids an expression can hold, as far as the code shows them. */
export interface StaticModelIds {
  /** Every id the expression is seen to take (in source order, no duplicates). */
  ids: string[];
  /** False when some value is only known at run time (an env var, a parameter...): `ids` is then a subset. */
  complete: boolean;
}

/** Consts followed at most this deep (`const a = b; const b = c ? "x" : "y"`). */
const MAX_DEPTH = 8;

/**
 * The model ids `expression` can take statically: string literals, template literals without substitutions,
 * `const` bindings (followed through the enclosing blocks and the file), both branches of `c ? a : b`, and
 * both sides of `a ?? b` / `a || b`. Anything else is a run-time value and makes the set incomplete.
 */
export function staticModelIds(expression: ts.Expression): StaticModelIds {
  const ids: string[] = [];
  let complete = true;
  const visit = (node: ts.Expression, depth: number): void => {
    const current = skipOuterExpressions(node);
    const literal = stringValue(current);
    if (literal !== undefined) {
      if (!ids.includes(literal)) ids.push(literal);
      return;
    }
    if (ts.isConditionalExpression(current)) {
      visit(current.whenTrue, depth);
      visit(current.whenFalse, depth);
      return;
    }
    if (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
      || current.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      visit(current.left, depth);
      visit(current.right, depth);
      return;
    }
    if (ts.isIdentifier(current) && depth < MAX_DEPTH) {
      const binding = constBinding(current);
      if (binding && binding.declaration.name !== current) {
        visit(binding.initializer, depth + 1);
        return;
      }
    }
    complete = false;
  };
  visit(expression, 0);
  return { ids, complete };
}

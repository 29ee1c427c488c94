import ts from '../../typescript';
import { skipOuterExpressions, stringValue } from '../../script/parse';
import { readName } from './checkReads';
import { referencesTo } from './nodes';

/** A `const name = value` visible from an identifier, with every reference to it in its scope. */
export interface ConstBinding {
  declaration: ts.VariableDeclaration;
  initializer: ts.Expression;
  references: ts.Identifier[];
}

/** Follows `identifier` to the `const` it names in an enclosing block, function or the file. */
export function constBinding(identifier: ts.Identifier): ConstBinding | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) ? scope.statements : undefined;
    if (!statements) continue;
    readName(scope, identifier.text);
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === identifier.text && declaration.initializer) {
          const references = referencesTo(scope, identifier.text).filter((id) => id !== declaration.name);
          return { declaration, initializer: declaration.initializer, references };
        }
      }
    }
  }
  return undefined;
}

/** The string a model-id expression certainly holds: a literal, or a const initialised with one. */
export function staticString(expression: ts.Expression): string | undefined {
  const node = skipOuterExpressions(expression);
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  if (!ts.isIdentifier(node)) return undefined;
  const binding = constBinding(node);
  return binding ? stringValue(skipOuterExpressions(binding.initializer)) : undefined;
}

/**
 * The object literal a request body is built from: `JSON.stringify({...})`, or the same through consts used
 * only once (`const request = JSON.stringify(native)`, `const native = {...}`), as in the AWS examples.
 */
export function bodyObjectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let node = skipOuterExpressions(expression);
  let stringified = false;
  for (let hops = 0; hops < 4; hops++) {
    if (ts.isObjectLiteralExpression(node)) return stringified ? node : undefined; // a bare object is not a body
    if (!stringified && ts.isCallExpression(node) && isJsonStringify(node.expression) && node.arguments.length === 1) {
      stringified = true;
      node = skipOuterExpressions(node.arguments[0]);
      continue;
    }
    // new TextEncoder().encode(JSON.stringify(...)) and Buffer.from(JSON.stringify(...)) carry the same JSON.
    if (!stringified && ts.isCallExpression(node) && node.arguments.length >= 1 && isBytesOfString(node.expression)) {
      node = skipOuterExpressions(node.arguments[0]);
      continue;
    }
    if (!ts.isIdentifier(node)) return undefined;
    const binding = constBinding(node);
    if (!binding || binding.references.length !== 1) return undefined;
    node = skipOuterExpressions(binding.initializer);
  }
  return undefined;
}

function isJsonStringify(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON' && callee.name.text === 'stringify';
}

function isBytesOfString(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = skipOuterExpressions(callee.expression);
  if (callee.name.text === 'from' && ts.isIdentifier(owner) && owner.text === 'Buffer') return true;
  return callee.name.text === 'encode' && ts.isNewExpression(owner) && ts.isIdentifier(owner.expression) && owner.expression.text === 'TextEncoder';
}

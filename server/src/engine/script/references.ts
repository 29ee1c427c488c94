import ts from '../typescript';

// Which identifiers name something: the statement walk of the incremental analysis (scanNodes.ts) and the fix
// checks (fixes/support/nodes.ts) must agree on it, since the refinement indexes statements by the names one found.

/**
 * False for `x.name`, member names (`{ name: v }` keys, methods, properties, enum members), `import { name as x }`
 * property names and labels. True for the names variables, functions and classes declare: the refinement indexes a
 * statement by the names it declares as well as those it uses.
 */
export function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isQualifiedName(parent) && parent.right === identifier) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)
    || ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)
    || ts.isEnumMember(parent)) && parent.name === identifier) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === identifier) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return true;
}

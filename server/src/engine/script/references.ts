import ts from '../typescript';

// Which identifiers name something: the statement walk of the incremental analysis (scanNodes.ts) and the fix
// checks (fixes/support/nodes.ts) must agree on it, since the refinement indexes statements by the names one found.

/**
 * False for `x.name`, member names (`{ name: v }` keys, methods, properties, enum members), `import { name as x }`
 * property names and labels. True for the names variables, functions and classes declare: the refinement indexes a
 * statement by the names it declares as well as those it uses.
 */
export function isReference(identifier: ts.Identifier): boolean {
  // One switch on the parent's kind (this runs for every identifier of every statement an edit makes).
  const parent = identifier.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).name !== identifier;
    case ts.SyntaxKind.QualifiedName:
      return (parent as ts.QualifiedName).right !== identifier;
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.PropertySignature:
    case ts.SyntaxKind.MethodSignature:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
    case ts.SyntaxKind.EnumMember:
      return (parent as ts.NamedDeclaration).name !== identifier;
    case ts.SyntaxKind.ImportSpecifier:
    case ts.SyntaxKind.ExportSpecifier:
    case ts.SyntaxKind.BindingElement:
      return (parent as ts.ImportSpecifier | ts.ExportSpecifier | ts.BindingElement).propertyName !== identifier;
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
      return false;
    default:
      return true;
  }
}

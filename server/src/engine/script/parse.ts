import ts from '../typescript';
import type { ScriptLanguage } from '../types';

export function scriptKindFor(languageId: ScriptLanguage, fileName?: string): ts.ScriptKind {
  const lower = fileName?.toLowerCase() ?? '';
  if (languageId === 'typescriptreact' || lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (languageId === 'javascriptreact' || lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (languageId === 'javascript') return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

// Nothing in the engine reads JSDoc (the detectors' walk does not even visit it), and parsing every doc comment
// costs about a quarter of the parse of a commented file. Syntax errors are unaffected (JSDoc has its own).
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/**
 * Parses, by default with parent pointers (detectors and fixes walk up from a node); `scanNodes` sets them itself
 * when it walks the whole tree. Never throws on syntax errors.
 */
export function parseScript(text: string, languageId: ScriptLanguage, fileName?: string, setParentNodes = true): ts.SourceFile {
  const kind = scriptKindFor(languageId, fileName);
  const name = fileName ?? (kind === ts.ScriptKind.TSX ? 'file.tsx' : kind === ts.ScriptKind.JSX ? 'file.jsx' : kind === ts.ScriptKind.JS ? 'file.js' : 'file.ts');
  return ts.createSourceFile(name, text, PARSE_OPTIONS, setParentNodes, kind);
}

/** Unwraps `(x)`, `x as T`, `<T>x`, `x!`, `x satisfies T` and `await x`. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isTypeAssertionExpression(current)
      || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The text of a string-like literal (`'x'`, `"x"`, `` `x` `` without substitutions), else undefined. */
export function stringValue(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** `require('x')` → 'x'. */
export function requiredModule(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
    return stringValue(node.arguments[0]);
  }
  return undefined;
}

/** `import('x')` → 'x'. */
export function dynamicImportModule(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length >= 1) {
    return stringValue(node.arguments[0]);
  }
  return undefined;
}

/** Name text of a property name or binding name when it is static. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

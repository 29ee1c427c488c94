import ts from '../../typescript';
import { propertyNameText } from '../../script/parse';
import type { FixContext } from '../fixContext';
import { lineIndentAt } from '../style';
import { removeElements } from './listEdits';

/**
 * A command's input as written, without the parentheses, `as` and `satisfies` around it: what the rewrites edit in
 * place. Not `await`, `!` or `<T>`, which skipOuterExpressions also skips: the fixes leave an input behind those alone.
 */
export function requestObjectOf(input: ts.Expression): ts.Expression {
  let current = input;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

/** The properties of an object literal by static name; undefined when one has a computed name or is a spread. */
export function staticProperties(literal: ts.ObjectLiteralExpression): Map<string, ts.ObjectLiteralElementLike> | undefined {
  const properties = new Map<string, ts.ObjectLiteralElementLike>();
  for (const property of literal.properties) {
    const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? propertyNameText(property.name) : undefined;
    if (name === undefined) return undefined;
    properties.set(name, property);
  }
  return properties;
}

/** The value expression of `name: value` or of the shorthand `{ name }`. */
export function valueOf(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** How properties of `literal` are separated: `, ` on one line, or a line break plus the properties' indentation. */
export function propertySeparator(context: FixContext, literal: ts.ObjectLiteralExpression): string {
  const first = literal.properties[0];
  if (!first || !context.text.slice(literal.getStart(context.sourceFile), first.getStart(context.sourceFile)).includes('\n')) return ', ';
  return `,${context.style.eol}${lineIndentAt(context.text, first.getStart(context.sourceFile))}`;
}

/** Renames a property key (`body` → `Body`), expanding a shorthand `{ body }` to `Body: body`. */
export function renameProperty(context: FixContext, property: ts.ObjectLiteralElementLike, name: string): void {
  if (ts.isShorthandPropertyAssignment(property)) context.replace(property.name, `${name}: ${property.name.text}`);
  else if (property.name) context.replace(property.name, name);
}

/** Deletes properties with their separators, and their lines when each property has its own. */
export function removeProperties(context: FixContext, literal: ts.ObjectLiteralExpression, removed: ReadonlySet<ts.ObjectLiteralElementLike>): void {
  if (removed.size > 0) removeElements(context, literal.properties, removed, literal.properties.hasTrailingComma);
}

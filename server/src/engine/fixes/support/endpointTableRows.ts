import ts from '../../typescript';
import { propertyNameText, skipOuterExpressions } from '../../script/parse';
import type { FixContext } from '../fixContext';
import { lineIndentAt } from '../style';
import { endOfLine } from './nodes';

/** A lookup table the file already declares at the top level: `const <name> = { ... }` (written by an earlier pass or migration). */
export interface DeclaredTable {
  statement: ts.VariableStatement;
  object: ts.ObjectLiteralExpression;
  /** The plain keys of its entries; undefined when an entry is a spread or computed, so which ids it covers is unknown. */
  keys: string[] | undefined;
  /** The quote of its first string key, if any. */
  quote: '"' | "'" | undefined;
}

/** The top-level declaration of `name` when its value is an object literal. */
export function declaredTable(sourceFile: ts.SourceFile, name: string): DeclaredTable | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
    if (!declaration?.initializer) continue;
    const object = skipOuterExpressions(declaration.initializer);
    if (!ts.isObjectLiteralExpression(object)) return undefined;
    const plain = object.properties.every((property) => ts.isPropertyAssignment(property) && propertyNameText(property.name) !== undefined);
    const keys = plain ? object.properties.map((property) => propertyNameText(property.name)!) : undefined;
    const firstString = object.properties.map((property) => property.name).find((key) => key !== undefined && ts.isStringLiteral(key));
    const quote = firstString ? sourceFile.text.charAt(firstString.getStart(sourceFile)) as '"' | "'" : undefined;
    return { statement, object, keys, quote };
  }
  return undefined;
}

/**
 * Appends `rows` (each one entry with its comma, and maybe a trailing line comment) to the table's object, one per
 * line, indented like its last entry: a minimal insertion after the last entry's line. A one-line or empty object
 * is opened over several lines, since a row's trailing comment would swallow the closing brace.
 */
export function appendTableRows(context: FixContext, table: DeclaredTable, rows: readonly string[]): void {
  if (rows.length === 0) return;
  const { text, sourceFile } = context;
  const { eol, indent } = context.style;
  const { object } = table;
  const properties = object.properties;
  const last = properties.length > 0 ? properties[properties.length - 1] : undefined;
  const closeBrace = object.getEnd() - 1;
  const lineOf = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line;
  const comma = last && !properties.hasTrailingComma ? ',' : '';
  if (last && lineOf(closeBrace) > lineOf(last.getEnd())) {
    if (comma) context.insert(last.getEnd(), comma);
    const rowIndent = lineIndentAt(text, last.getStart(sourceFile));
    context.insert(endOfLine(text, last.getEnd()), rows.map((row) => rowIndent + row + eol).join(''));
    return;
  }
  const baseIndent = lineIndentAt(text, table.statement.getStart(sourceFile));
  const from = last ? commaEnd(text, last.getEnd()) : object.getStart(sourceFile) + 1;
  const block = comma + eol + rows.map((row) => baseIndent + indent + row).join(eol) + eol + baseIndent;
  // Only blanks between the last entry and the brace are replaced: a comment there stays.
  if (/^[ \t\r\n]*$/.test(text.slice(from, closeBrace))) context.replace({ start: from, end: closeBrace }, block);
  else context.insert(closeBrace, block);
}

/** Just past the comma that follows an entry, if there is one right after it (blanks aside). */
function commaEnd(text: string, position: number): number {
  let at = position;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return text[at] === ',' ? at + 1 : position;
}

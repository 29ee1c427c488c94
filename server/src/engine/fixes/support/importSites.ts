import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { quoted, semi } from '../style';
import { appendElements, removeElements } from './listEdits';
import { endOfLine, moduleStatementsOf, startOfLine } from './nodes';

/** One name in an import list: `import { imported as local }` or `const { imported: local } = require()`. */
export interface ListElement {
  node: ts.ImportSpecifier | ts.BindingElement;
  imported: string;
  local: string;
  /** The identifier that holds the imported name (the only one when there is no alias). */
  importedNode: ts.Identifier;
  localNode: ts.Identifier;
  typeOnly: boolean;
}

/** A statement importing names from one module: an ES named import or a destructured `require`. */
export interface ImportSite {
  statement: ts.Statement;
  kind: 'es' | 'require';
  moduleLiteral: ts.StringLiteralLike;
  /** `import type { ... }`. */
  typeOnly: boolean;
  elements: ListElement[];
}

/** A whole-module binding: `import * as ns`, `import ns = require()`, `const ns = require()`. */
export interface NamespaceSite {
  statement: ts.Statement;
  moduleLiteral: ts.StringLiteralLike;
  name: ts.Identifier;
}

export function importSites(sourceFile: ts.SourceFile, module: string): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const statement of moduleStatementsOf(sourceFile)) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === module) {
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings) || statement.importClause?.name) continue;
      sites.push({
        statement, kind: 'es', moduleLiteral: statement.moduleSpecifier, typeOnly: Boolean(statement.importClause?.isTypeOnly),
        elements: bindings.elements.map((element) => ({
          node: element, imported: (element.propertyName ?? element.name).text, local: element.name.text,
          importedNode: (element.propertyName ?? element.name) as ts.Identifier, localNode: element.name, typeOnly: element.isTypeOnly,
        })),
      });
      continue;
    }
    const required = requireDeclaration(statement, module);
    if (required && ts.isObjectBindingPattern(required.declaration.name)) {
      const elements: ListElement[] = [];
      for (const element of required.declaration.name.elements) {
        const property = element.propertyName ?? element.name;
        if (!ts.isIdentifier(element.name) || !ts.isIdentifier(property) || element.dotDotDotToken || element.initializer) continue;
        elements.push({ node: element, imported: property.text, local: element.name.text, importedNode: property, localNode: element.name, typeOnly: false });
      }
      sites.push({ statement, kind: 'require', moduleLiteral: required.literal, typeOnly: false, elements });
    }
  }
  return sites;
}

export function namespaceSites(sourceFile: ts.SourceFile, module: string): NamespaceSite[] {
  const sites: NamespaceSite[] = [];
  for (const statement of moduleStatementsOf(sourceFile)) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === module) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) sites.push({ statement, moduleLiteral: statement.moduleSpecifier, name: bindings.name });
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)
      && ts.isStringLiteral(statement.moduleReference.expression) && statement.moduleReference.expression.text === module) {
      sites.push({ statement, moduleLiteral: statement.moduleReference.expression, name: statement.name });
    } else {
      const required = requireDeclaration(statement, module);
      if (required && ts.isIdentifier(required.declaration.name)) sites.push({ statement, moduleLiteral: required.literal, name: required.declaration.name });
    }
  }
  return sites;
}

function requireDeclaration(statement: ts.Statement, module: string): { declaration: ts.VariableDeclaration; literal: ts.StringLiteralLike } | undefined {
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const declaration = statement.declarationList.declarations[0];
  const init = declaration.initializer;
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return undefined;
  const literal = init.arguments[0];
  if (!literal || !ts.isStringLiteralLike(literal) || literal.text !== module) return undefined;
  return { declaration, literal };
}

/** A name to write into an import list. */
export interface WantedName {
  imported: string;
  local: string;
  typeOnly: boolean;
}

/** Text of one list element in the site's syntax. */
export function elementText(name: WantedName, kind: 'es' | 'require', typeAllowed: boolean): string {
  if (kind === 'require') return name.imported === name.local ? name.imported : `${name.imported}: ${name.local}`;
  const base = name.imported === name.local ? name.imported : `${name.imported} as ${name.local}`;
  return name.typeOnly && typeAllowed ? `type ${base}` : base;
}

/** A new import statement for `names` from `module`, in the file's quote and semicolon style. */
export function importStatement(context: FixContext, module: string, names: readonly WantedName[], kind: 'es' | 'require'): string {
  const style = context.style;
  const typescript = context.run.languageId === 'typescript' || context.run.languageId === 'typescriptreact';
  if (kind === 'require') return `const { ${names.map((name) => elementText(name, 'require', false)).join(', ')} } = require(${quoted(module, style)})${semi(style)}`;
  const allTypes = typescript && names.every((name) => name.typeOnly);
  const list = names.map((name) => elementText(name, 'es', typescript && !allTypes)).join(', ');
  return `import ${allTypes ? 'type ' : ''}{ ${list} } from ${quoted(module, style)}${semi(style)}`;
}

/** Plans element-level edits on one import list, so comments and layout inside it survive. */
export class ListEditor {
  private readonly removed = new Set<ListElement>();
  private readonly renamed = new Map<ListElement, string>();
  private readonly added: string[] = [];

  constructor(readonly site: ImportSite) {}

  remove(element: ListElement): void {
    this.removed.add(element);
  }

  /** Renames the imported name; a non-aliased element's local name changes with it (its references are renamed too). */
  rename(element: ListElement, imported: string): void {
    this.renamed.set(element, imported);
  }

  /** Takes back a removal: the element stays, optionally under a new imported name. */
  keep(element: ListElement, imported?: string): void {
    this.removed.delete(element);
    if (imported !== undefined && imported !== element.imported) this.renamed.set(element, imported);
  }

  add(text: string): void {
    if (!this.added.includes(text)) this.added.push(text);
  }

  get isEmptied(): boolean {
    return this.added.length === 0 && this.site.elements.every((element) => this.removed.has(element));
  }

  has(local: string): boolean {
    return this.site.elements.some((element) => element.local === local && !this.removed.has(element));
  }

  apply(context: FixContext): void {
    const elements = this.site.elements;
    if (elements.length === 0) return;
    const nodes = elements.map((element) => element.node);
    const trailingComma = (nodes[0].parent as ts.NamedImports | ts.ObjectBindingPattern).elements.hasTrailingComma;
    const kept = elements.filter((element) => !this.removed.has(element));
    if (kept.length === 0) {
      // Everything goes: the new names take the old ones' place.
      if (this.added.length > 0) context.replace({ start: nodes[0].getStart(), end: nodes[nodes.length - 1].getEnd() }, this.added.join(', '));
      return;
    }
    removeElements(context, nodes, new Set([...this.removed].map((element) => element.node)), trailingComma);
    for (const [element, imported] of this.renamed) if (!this.removed.has(element)) context.replace(element.importedNode, imported);
    appendElements(context, nodes, kept[kept.length - 1].node, this.added, trailingComma);
  }
}

/** Removes a whole statement, with its line when nothing else is on it. */
export function deleteStatement(context: FixContext, statement: ts.Statement): void {
  const start = statement.getStart(context.sourceFile);
  const end = statement.getEnd();
  const lineStart = startOfLine(context.text, start);
  const lineEnd = endOfLine(context.text, end);
  const alone = context.text.slice(lineStart, start).trim() === '' && context.text.slice(end, lineEnd).trim() === '';
  context.replace(alone ? { start: lineStart, end: lineEnd } : { start, end }, '');
}

import ts from '../../typescript';
import type { OffsetRange } from '../../types';
import { type PlainUse, readCounted, readName } from './checkReads';
import { treeFacts } from './treeFacts';
import { isReference } from '../../script/references';
import { ObjectCache } from '../../objectCache';

export { isReference };

/** The innermost node whose own text (no trivia) is exactly `range`. */
export function nodeAtRange(sourceFile: ts.SourceFile, range: OffsetRange): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    // `pos` and `end` first: they rule out most siblings without scanning trivia for the start (large files).
    if (node.pos > range.start || node.end < range.end) return;
    if (node.getStart(sourceFile) <= range.start && range.end <= node.getEnd()) {
      if (node.getStart(sourceFile) === range.start && node.getEnd() === range.end) found = node;
      if (ts.isSourceFile(node)) visitCovering(node, range, visit);
      else ts.forEachChild(node, visit);
    }
  };
  visit(sourceFile);
  return found;
}

/**
 * Visits, in order, the children of the file that can hold `range` (as forEachChild would, skipping the others): a
 * binary search finds the first statement ending at or after it, so a lookup does not step through thousands.
 */
function visitCovering(sourceFile: ts.SourceFile, range: OffsetRange, visit: (node: ts.Node) => void): void {
  const statements = sourceFile.statements;
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (statements[middle].end < range.end) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < statements.length && statements[i].pos <= range.start; i++) visit(statements[i]);
  visit(sourceFile.endOfFileToken);
}

/** The innermost node whose text contains `range` (a finding inside a string literal). */
export function nodeContaining(sourceFile: ts.SourceFile, range: OffsetRange): ts.Node {
  let found: ts.Node = sourceFile;
  const visit = (node: ts.Node): void => {
    if (node.pos > range.start || node.end < range.end) return;
    if (node.getStart(sourceFile) <= range.start && range.end <= node.getEnd()) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/** The statement that contains `node` directly in a block or the file. */
export function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isBlock(current.parent) || ts.isSourceFile(current.parent) || ts.isModuleBlock(current.parent)
      || ts.isCaseClause(current.parent) || ts.isDefaultClause(current.parent)) {
      return current as ts.Statement;
    }
  }
  return undefined;
}

/** The nearest function body or the file: the scope a rewrite looks for uses of a variable in. */
export function enclosingScope(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  }
  return node.getSourceFile();
}

/** The references of a whole file by name, in document order: one walk, however many names are looked up. */
const fileReferences = new ObjectCache<ts.SourceFile, Map<string, ts.Identifier[]>>('fileReferences', 'sourceFile');

/**
 * An index of a tree's top-level statements kept by its owner (the editor's incremental tree), so lookups walk only
 * the statements that can matter. Each answer is in document order, or undefined when the index no longer knows.
 */
export interface StatementIndex {
  /** Exactly the statements with an identifier of this text that `isReference` accepts. */
  naming(name: string): readonly ts.Statement[] | undefined;
  /** The import declarations, `import x = require(...)`s and statements that mention `require`. */
  moduleStatements(): readonly ts.Statement[] | undefined;
}

const statementIndexes = new ObjectCache<ts.SourceFile, StatementIndex>('statementIndex', 'sourceFile');

export function indexStatements(sourceFile: ts.SourceFile, index: StatementIndex): void {
  statementIndexes.set(sourceFile, index);
}

/** The statements that can import a module (see StatementIndex.moduleStatements): all of them without an index. */
export function moduleStatementsOf(sourceFile: ts.SourceFile): readonly ts.Statement[] {
  return statementIndexes.get(sourceFile)?.moduleStatements() ?? sourceFile.statements;
}

/** Every identifier under `root` named `name` that is a reference (not a property name or member name). */
export function referencesTo(root: ts.Node, name: string): ts.Identifier[] {
  readName(root, name);
  return referencesUnder(root, name);
}

/**
 * referencesTo for a check that reads the references only by their count, apart from those `plain` says no to: an
 * edit that neither changes the count nor makes or removes such a reference keeps its verdict (CheckReads.counted).
 */
export function referencesCounted(root: ts.Node, name: string, plain: PlainUse): ts.Identifier[] {
  readCounted(root, name, plain);
  return referencesUnder(root, name);
}

function referencesUnder(root: ts.Node, name: string): ts.Identifier[] {
  if (ts.isSourceFile(root)) {
    const statements = statementIndexes.get(root)?.naming(name);
    if (!statements) return [...(referencesByName(root).get(name) ?? [])];
    return statements.flatMap((statement) => statementReferencesTo(statement, name));
  }
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && isReference(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

// The editor's incremental tree keeps an unchanged statement as the same object with the same nodes (only their
// positions move): its references are found once, not on every keystroke; and in one walk for every name (a check
// looks up each name the Bedrock import brings in, in the statement just typed in).
const referencesInStatement = new ObjectCache<ts.Statement, ReadonlyMap<string, readonly ts.Identifier[]>>('referencesInStatement', 'statement');

export function statementReferencesTo(statement: ts.Statement, name: string): readonly ts.Identifier[] {
  return statementReferences(statement).get(name) ?? [];
}

/** Every reference (`isReference`) in a top-level statement by name, in document order. */
export function statementReferences(statement: ts.Statement): ReadonlyMap<string, readonly ts.Identifier[]> {
  let byName = referencesInStatement.get(statement);
  if (!byName) referencesInStatement.set(statement, (byName = referencesIn(statement)));
  return byName;
}

/**
 * Gives a statement the references its owner's own walk found (the editor's incremental analysis walks every
 * statement an edit made, scanNodes.ts): a check or the refinement that reads them does not walk it again.
 */
export function knowStatementReferences(statement: ts.Statement, byName: ReadonlyMap<string, readonly ts.Identifier[]>): void {
  if (!referencesInStatement.get(statement)) referencesInStatement.set(statement, byName);
}

function referencesByName(sourceFile: ts.SourceFile): Map<string, ts.Identifier[]> {
  let index = fileReferences.get(sourceFile);
  if (!index) fileReferences.set(sourceFile, (index = referencesIn(sourceFile)));
  return index;
}

/** Every reference under `root` by name, in document order: one walk. */
function referencesIn(root: ts.Node): Map<string, ts.Identifier[]> {
  const byName = new Map<string, ts.Identifier[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isReference(node)) {
      const list = byName.get(node.text);
      if (list) list.push(node);
      else byName.set(node.text, [node]);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return byName;
}

/** True when `name` is declared anywhere in the file (import, variable, function, class, parameter...). */
export function isDeclared(sourceFile: ts.SourceFile, name: string): boolean {
  // Declarations' names are among the names a statement mentions (see isReference).
  readName(sourceFile, name);
  return treeFacts(sourceFile).declared.has(name);}

/** Offset just past the line break that ends the line `position` is on (or the end of the text). */
export function endOfLine(text: string, position: number): number {
  const starts = lineStarts(text);
  const next = lineIndex(starts, position) + 1;
  return next < starts.length ? starts[next] : text.length;
}

/** Offset of the first character of the line `position` is on. */
export function startOfLine(text: string, position: number): number {
  if (position <= 0) return text.lastIndexOf('\n', position - 1) + 1;
  const starts = lineStarts(text);
  return starts[lineIndex(starts, position)];
}

// A fix asks for line starts once per edit it writes: searching the text each time is quadratic on minified
// (one-line) files. The starts of the last text asked about are kept (a pass asks about one text).
let lastText: string | undefined;
let lastStarts: number[] = [0];

function lineStarts(text: string): number[] {
  if (text !== lastText) {
    const starts = [0];
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
    lastText = text;
    lastStarts = starts;
  }
  return lastStarts;
}

/** The index of the line `position` is on (a line starts after its newline): the first line starting after it, less one. */
function lineIndex(starts: readonly number[], position: number): number {
  let after = 1;
  let end = starts.length;
  while (after < end) {
    const middle = (after + end) >>> 1;
    if (starts[middle] > position) end = middle;
    else after = middle + 1;
  }
  return after - 1;
}

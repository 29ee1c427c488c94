import ts from '../typescript';
import { currentLocale } from '../l10n';
import type { Finding } from '../types';
import { isImportLike } from './fixContext';
import { isReference, knowStatementNames } from './support/nodes';
import { isPlaceholderFinding } from './support/placeholderEndpoint';
import { treeHasSyntaxErrors } from './support/syntax';
import type { FixInput } from '../fixTypes';
import { waitingForSyntax } from './index';
import { FILE_WIDE_PROPERTY_NAMES } from './transforms/rewriteLangChain';

export type Refine = (input: FixInput, findings: readonly Finding[]) => Finding[];

/** What the last full refinement read, and what it gave. */
interface Snapshot {
  /** Everything outside the text the refinement depends on. */
  key: string;
  /** The top-level statements the refinement can read, in document order (the tree keeps unchanged ones as the same objects). */
  statements: ts.Statement[];
  /** Their full texts (leading trivia included). */
  texts: string[];
  indexOf: Map<ts.Statement, number>;
  /** The names those statements declare or reference: a statement without any of them cannot change the refinement. */
  names: Set<string>;
  /** The findings without their absolute positions. */
  shapes: string[];
  refined: Finding[];
}

/**
 * Keeps one document's refined findings across edits (issue #13: refining runs every check on each keystroke).
 * The refinement reads the statements that hold findings, whatever they reach by name (references, declarations),
 * the imports and `require` calls (adapter module kind and import style), the settings, and how often the file
 * names the properties some checks look for anywhere (FILE_WIDE_PROPERTY_NAMES). When
 * an edit leaves all of those as they were and the findings are the same apart from their positions, the previous
 * result is still exact: it is reused with the new positions. Anything else refines from scratch.
 *
 * Works on the document's current tree (the incremental analysis keeps it), whose unchanged statements are the
 * same objects as before, so an edit costs a look at the statements the parser made anew.
 */
export class RefinementReuse {
  private last: Snapshot | undefined;
  /** Statements seen to share no name with the snapshot (valid while the snapshot is). */
  private unlinked = new WeakMap<ts.Statement, Snapshot>();
  private readonly namesOfStatement = new WeakMap<ts.Statement, Set<string>>();

  refine(input: FixInput, findings: readonly Finding[], tree: ts.SourceFile | undefined, refine: Refine): Finding[] {
    if (!tree || tree.text !== input.text) {
      this.last = undefined;
      return refine(input, findings);
    }
    // Typing makes the text briefly not parse: its fixable findings then just wait, and the last refinement of
    // parsing text is kept for when it parses again.
    if (treeHasSyntaxErrors(tree)) return waitingForSyntax(findings);
    // Placeholder fixes read TODO comments anywhere in the text: always refined afresh.
    if (findings.some(isPlaceholderFinding)) {
      this.last = undefined;
      return refine(input, findings);
    }
    const key = keyOf(input);
    const anchors = findings.map((finding) => statementAt(tree, finding.range.start));
    const reused = this.last && this.last.key === key ? this.reuse(this.last, tree, findings, anchors) : undefined;
    if (reused) return reused;
    knowStatementNames(tree, (statement) => this.namesOf(statement));
    const refined = refine({ ...input, sourceFile: tree }, findings);
    this.last = anchors.every((anchor) => anchor !== undefined) ? this.snapshot(key, tree, findings, anchors as ts.Statement[], refined) : undefined;
    return refined;
  }

  private reuse(last: Snapshot, tree: ts.SourceFile, findings: readonly Finding[], anchors: ReadonlyArray<ts.Statement | undefined>): Finding[] | undefined {
    if (findings.length !== last.shapes.length) return undefined;
    const statements: ts.Statement[] = [];
    for (const statement of tree.statements) {
      const index = statements.length;
      // The parser never reuses a statement with a syntax error: a new one with the same text reads the same.
      if (index < last.statements.length && (statement === last.statements[index] || sameText(statement, last.texts[index]))) {
        statements.push(statement);
      } else if (last.indexOf.has(statement)) {
        return undefined;
      } else if (this.unlinked.get(statement) !== last) {
        if (this.sharesName(statement, last.names)) return undefined;
        this.unlinked.set(statement, last);
      }
    }
    if (statements.length !== last.statements.length) return undefined;
    const indexOf = new Map(statements.map((statement, index) => [statement, index]));
    for (let i = 0; i < findings.length; i++) {
      const anchor = anchors[i];
      const index = anchor && indexOf.get(anchor);
      if (index === undefined || shapeOf(findings[i], anchor!, index) !== last.shapes[i]) return undefined;
    }
    last.statements = statements;
    last.indexOf = indexOf;
    return last.refined.map((refined, i) => ({ ...refined, range: { ...findings[i].range } }));
  }

  private snapshot(key: string, tree: ts.SourceFile, findings: readonly Finding[], anchors: ts.Statement[], refined: Finding[]): Snapshot {
    const read = new Set<ts.Statement>(anchors);
    for (const statement of tree.statements) {
      if (isImportLike(statement) || isModuleReExport(statement) || this.namesOf(statement).has('require')) read.add(statement);
    }
    // Everything reachable by name from what is read, to a fixed point.
    const byName = new Map<string, ts.Statement[]>();
    for (const statement of tree.statements) {
      for (const name of this.namesOf(statement)) {
        const list = byName.get(name);
        if (list) list.push(statement);
        else byName.set(name, [statement]);
      }
    }
    const names = new Set<string>();
    const pending = [...read];
    while (pending.length > 0) {
      for (const name of this.namesOf(pending.pop()!)) {
        if (names.has(name)) continue;
        names.add(name);
        for (const statement of byName.get(name) ?? []) {
          if (!read.has(statement)) {
            read.add(statement);
            pending.push(statement);
          }
        }
      }
    }
    const statements = tree.statements.filter((statement) => read.has(statement));
    const indexOf = new Map(statements.map((statement, index) => [statement, index]));
    const snapshot = { key, statements, texts: statements.map((statement) => statement.getFullText(tree)), indexOf, names, shapes: findings.map((finding, i) => shapeOf(finding, anchors[i], indexOf.get(anchors[i])!)), refined };
    // A statement the fixed point did not reach shares no name with it.
    this.unlinked = new WeakMap();
    for (const statement of tree.statements) if (!read.has(statement)) this.unlinked.set(statement, snapshot);
    return snapshot;
  }

  private sharesName(statement: ts.Statement, names: ReadonlySet<string>): boolean {
    for (const name of this.namesOf(statement)) if (names.has(name)) return true;
    return false;
  }

  /** The identifiers of a statement that name something (references and declarations; not property names). */
  private namesOf(statement: ts.Statement): Set<string> {
    let names = this.namesOfStatement.get(statement);
    if (!names) {
      const found = new Set<string>();
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && isReference(node)) found.add(node.text);
        ts.forEachChild(node, visit);
      };
      visit(statement);
      names = found;
      this.namesOfStatement.set(statement, names);
    }
    return names;
  }
}

function keyOf(input: FixInput): string {
  const fileWide = FILE_WIDE_PROPERTY_NAMES.map((name) => occurrences(input.text, name));
  return JSON.stringify([input.languageId, input.fileName ?? null, input.workspaceRelativePath ?? null, input.settings, input.packageContext ?? null, currentLocale(), fileWide]);
}

/** How often `word` occurs in the text: a cheap scan (no parse), enough to notice a use appearing or going. */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}



function sameText(statement: ts.Statement, text: string): boolean {
  return statement.end - statement.pos === text.length && statement.getFullText() === text;
}

/** `export ... from '...'`: the re-export rewrite reads it. */
function isModuleReExport(statement: ts.Statement): boolean {
  return ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined;
}

/** The top-level statement whose full text (leading trivia included) holds `position`. */
function statementAt(tree: ts.SourceFile, position: number): ts.Statement | undefined {
  const statements = tree.statements;
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const statement = statements[middle];
    if (position < statement.pos) high = middle - 1;
    else if (position >= statement.end) low = middle + 1;
    else return statement;
  }
  return undefined;
}

/** A finding apart from where its statement is: the statement's place among the read ones and the offsets in it. */
function shapeOf(finding: Finding, anchor: ts.Statement, index: number): string {
  const { range, ...rest } = finding;
  return JSON.stringify([index, range.start - anchor.pos, range.end - anchor.pos, rest]);
}

import ts from '../../typescript';
import { statementIndexAt, topLevelStatementOf } from '../topLevelStatements';
import { moveStatement, placeParsed, shiftNode } from './shiftNodes';

/** ts.TransformFlags.ContainsPossibleTopLevelAwait (internal): a module re-parses such statements with `await` as a keyword. */
export const POSSIBLE_TOP_LEVEL_AWAIT = 1 << 26;

/** The parser's own fields of a SourceFile that this module reads or rewrites (internal to TypeScript, stable since 1.x–4.x). */
export interface ParsedFile extends ts.SourceFile {
  parseDiagnostics: ts.DiagnosticWithLocation[];
  identifiers: Map<string, string>;
  nodeCount: number;
  identifierCount: number;
  externalModuleIndicator?: ts.Node | true;
  commentDirectives?: Array<{ range: ts.TextRange; type: number }>;
  transformFlags: number;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A statement-level incremental parse: when an edit lies strictly inside one top-level statement whose ends cannot
 * move (it and the statement before it end where the parser ends them whatever follows), only that statement's new
 * text is parsed and spliced into the tree; the later statements keep their nodes, moved by the edit's length
 * (lazily: see `settleTree`, which any consumer that reads positions inside statements calls first).
 * Unlike `ts.updateSourceFile` it neither re-scans the top level nor re-sets every parent pointer in the file.
 *
 * Undefined when it cannot tell the result equals a fresh parse (the caller then falls back to TypeScript's
 * incremental parse): the edit touches a statement boundary, the new text does not parse as one statement that
 * ends where it did (its parse errors, if any, inside it: half-typed code), the file has syntax errors elsewhere, or module-level facts (module indicator, top-level await) could change.
 * `parse` must parse a text exactly as the tree was parsed (same file name, kind and options), with parent pointers
 * unless told not to (the statement's are set as it is moved into place).
 * The previous tree is invalid afterwards, as with TypeScript's incremental parse.
 */
export function reparseStatement(
  tree: ts.SourceFile, text: string, change: ts.TextChangeRange, parse: (text: string, setParentNodes?: boolean) => ts.SourceFile,
): ts.SourceFile | undefined {
  const previous = tree as ParsedFile;
  const statements = previous.statements;
  const index = statementIndexAt(statements, change.span.start);
  if (index < 0) return undefined;
  const old = statements[index];
  const changeEnd = change.span.start + change.span.length;
  const start = old.getStart(tree);
  if (change.span.start <= start || changeEnd >= old.end) return undefined;
  // Errors elsewhere: their recovery can span statements (an unterminated string can end in a `;`). One at the
  // start of this statement can be about the one before.
  if (previous.parseDiagnostics.some((diagnostic) => diagnostic.start <= start || diagnostic.start >= old.end)) return undefined;
  if (index > 0 && !endsWhateverFollows(statements[index - 1], tree.text)) return undefined;
  // Parsed again in await context (a module's top-level `await` before it): what it is now can end or move that
  // run, and so the context of the statements after it.
  if (old.flags & ts.NodeFlags.AwaitContext) return undefined;

  const delta = change.newLength - change.span.length;
  const ownText = text.slice(old.pos, old.end + delta);
  const fresh = parse(ownText, false) as ParsedFile;
  if (fresh.statements.length !== 1) return undefined;
  const statement = fresh.statements[0];
  if (statement.pos !== 0 || statement.end !== ownText.length || !endsWhateverFollows(statement, ownText)) return undefined;
  if (!errorsWithin(fresh, statement)) return undefined;
  if ((statement as ts.Statement & { transformFlags: number }).transformFlags & POSSIBLE_TOP_LEVEL_AWAIT) return undefined;
  const indicator = moduleIndicator(previous, old, fresh, statement);
  if (indicator === false) return undefined;

  // From here on the previous tree is given up: the fresh SourceFile object becomes the new tree.
  placeParsed(statement, old.pos);
  return spliceStatement(previous, fresh, { index, statement, delta, text, indicator, offset: old.pos, replaced: old });
}

/** What replaces one top-level statement of a tree (statementReparse.ts, innerStatementReparse.ts). */
export interface Splice {
  index: number;
  /** The new statement, its nodes in place. */
  statement: ts.Statement;
  delta: number;
  /** The new text of the whole file. */
  text: string;
  /** The new tree's module indicator. */
  indicator: ParsedFile['externalModuleIndicator'];
  /** Where `fresh`'s text starts in the file: its diagnostics and comment directives are moved by this. */
  offset: number;
  /** The part of the old text whose comment directives `fresh`'s replace. */
  replaced: ts.TextRange;
}

/**
 * Makes `fresh` (a SourceFile just parsed from the new text of what `splice` replaces) the new tree: the previous
 * tree's statements with `splice.statement` at `splice.index`, the later ones moved (lazily: shiftNodes.ts), its
 * parse diagnostics and comment directives, the previous tree's file-wide facts. The previous tree is given up.
 */
export function spliceStatement(previous: ParsedFile, fresh: ParsedFile, splice: Splice): ParsedFile {
  const { index, statement, delta, text } = splice;
  const statements = previous.statements;
  for (const diagnostic of fresh.parseDiagnostics) diagnostic.start += splice.offset;
  // The later statements move; the nodes under them follow when something looks into them (shiftNodes.ts).
  for (let i = index + 1; i < statements.length; i++) moveStatement(statements[i], delta);
  shiftNode(previous.endOfFileToken, delta);
  const spliced = statements.slice();
  spliced[index] = statement;
  const list = nodeListAfterEdit(statements, spliced, delta, flagsOf(statement));

  const next = fresh as Mutable<ParsedFile>;
  next.text = text;
  next.end = text.length;
  (next as { lineMap?: readonly number[] }).lineMap = undefined; // line starts are computed from the text on demand
  next.statements = list;
  next.endOfFileToken = previous.endOfFileToken;
  for (const kept of spliced) (kept as Mutable<ts.Node>).parent = next;
  (next.endOfFileToken as Mutable<ts.Node>).parent = next;
  next.externalModuleIndicator = splice.indicator;
  next.flags |= previous.flags;
  next.transformFlags |= previous.transformFlags;
  const identifiers = previous.identifiers;
  fresh.identifiers.forEach(addIdentifier, identifiers); // no entry array per name, no closure per statement
  next.identifiers = identifiers;
  next.nodeCount += previous.nodeCount;
  next.identifierCount += previous.identifierCount;
  next.commentDirectives = movedDirectives(previous.commentDirectives, fresh.commentDirectives, splice.replaced, splice.offset, delta);
  // Pragmas and reference directives come from the comments at the top of the file, which the edit did not touch.
  // Set only where they differ: a field the parser leaves off (`moduleName` without an AMD pragma) added by this
  // keyed store turned the tree into a dictionary-mode object, of another hidden class than a fresh parse's (issue #13).
  const fields = next as unknown as Record<string, unknown>;
  for (const key of TOP_OF_FILE_FIELDS) {
    const kept = (previous as unknown as Record<string, unknown>)[key];
    if (fields[key] !== kept) fields[key] = kept;
  }
  return next;
}

const TOP_OF_FILE_FIELDS = ['pragmas', 'referencedFiles', 'typeReferenceDirectives', 'libReferenceDirectives', 'amdDependencies',
  'hasNoDefaultLib', 'moduleName', 'checkJsDirective'] as const;

/**
 * `items` made the node list that replaces `list` after an edit: its start, its end `delta` later, its trailing comma,
 * its transform flags with `flags` added. `ts.factory.createNodeArray` would OR together the transform flags of every
 * item, a loop over the whole file on each keystroke for the file's statements (issue #13); the kept items' flags are
 * in the old list's already, so the new items' are added to those: a superset, as for the SourceFile's own flags
 * (only emit reads them, which never runs on this tree). Set as `createNodeArray` sets them, in the same order.
 */
export function nodeListAfterEdit<T extends ts.Node>(list: ts.NodeArray<T>, items: T[], delta: number, flags: number): ts.NodeArray<T> {
  const copy = items as unknown as Mutable<ts.NodeArray<T>> & { transformFlags: number };
  copy.pos = list.pos;
  copy.end = list.end + delta;
  copy.hasTrailingComma = list.hasTrailingComma;
  copy.transformFlags = flagsOf(list) | flags;
  return copy;
}

/** A node's or list's transform flags (internal in TypeScript's types). */
export const flagsOf = (node: ts.Node | ts.NodeArray<ts.Node>): number => (node as unknown as { transformFlags: number }).transformFlags;

/**
 * True when the statement's parse errors (half-typed code: `ticket.` before the next line, a call not closed yet)
 * lie strictly inside it: after its first token (an error there can be about what comes before it) and clear of its
 * last character. An error reaching the end is the parser or scanner running out of text (an unclosed brace,
 * comment or template literal, a regular expression up to the end of the line), and one at the closing `;` or `}`
 * is that character taken for something else: in the file either could read on into the next statements.
 */
function errorsWithin(fresh: ParsedFile, statement: ts.Statement): boolean {
  return errorsBetween(fresh.parseDiagnostics, statement.getStart(fresh), statement.end);
}

/** True when every parse error starts after `after` and ends before the last character before `end`. */
export function errorsBetween(diagnostics: readonly ts.DiagnosticWithLocation[], after: number, end: number): boolean {
  return diagnostics.every((diagnostic) => diagnostic.start > after && diagnostic.start + Math.max(diagnostic.length, 1) <= end - 1);
}

const SEMICOLON = 0x3b;
const CLOSE_BRACE = 0x7d;

/**
 * True when the parser ends this statement (parsed without errors) where it ends whatever text follows: at a `;` it consumed (only an
 * `if` could go on, with `else`, which cannot start the next statement), or at the `}` closing a declaration's body.
 * An expression ending in `}` could go on (`x = {}` then `(y)` on the next line is a call).
 */
export function endsWhateverFollows(statement: ts.Statement, text: string): boolean {
  const last = text.charCodeAt(statement.end - 1);
  if (last === SEMICOLON) return true;
  return last === CLOSE_BRACE && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)
    || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement));
}

/**
 * What makes the new tree a module (as `isFileProbablyExternalModule` finds it: the first import/export statement,
 * else an `import.meta`), or false when that takes more than the edited statement to tell.
 */
function moduleIndicator(previous: ParsedFile, old: ts.Statement, fresh: ParsedFile, statement: ts.Statement): ts.Node | true | undefined | false {
  const indicator = previous.externalModuleIndicator;
  const isStatementBefore = indicator !== undefined && indicator !== true && indicator.parent === previous && indicator.pos < old.pos;
  if (fresh.externalModuleIndicator === statement) return isStatementBefore ? indicator : statement;
  if (fresh.externalModuleIndicator !== undefined) return false; // an import.meta in the new text
  if (indicator === old) return false; // the next one would have to be searched for
  if (indicator === undefined || indicator === true || indicator.parent === previous) return indicator;
  return topLevelStatementOf(indicator) !== old ? indicator : false; // an import.meta: gone if it was in the statement (asked by parent pointers: positions under a statement may lag, see shiftNodes.ts)
}

export type Directive = NonNullable<ParsedFile['commentDirectives']>[number];

/**
 * The `@ts-ignore`/`@ts-expect-error` comments: those before the replaced text, the new text's (found `offset`
 * characters before where they are in the file), the later ones moved.
 */
function movedDirectives(
  previous: readonly Directive[] | undefined, fresh: readonly Directive[] | undefined, old: ts.TextRange, offset: number, delta: number,
): Directive[] | undefined {
  if (!previous && !fresh) return undefined; // the usual case: no directive anywhere, nothing to allocate
  const moved = (directive: Directive, by: number): Directive => ({ ...directive, range: { pos: directive.range.pos + by, end: directive.range.end + by } });
  const directives = [
    ...(previous ?? []).filter((directive) => directive.range.pos < old.pos),
    ...(fresh ?? []).map((directive) => moved(directive, offset)),
    ...(previous ?? []).filter((directive) => directive.range.pos >= old.end).map((directive) => moved(directive, delta)),
  ];
  return directives.length > 0 || previous ? directives : undefined;
}

/**
 * Map.forEach's callback for a merge into `this`: a function of the module, not a closure made per reparse (V8 keeps a
 * closure's optimised code only while one of its closures lives: it was compiled again after every full collection).
 */
function addIdentifier(this: Map<string, string>, value: string, key: string): void {
  this.set(key, value);
}

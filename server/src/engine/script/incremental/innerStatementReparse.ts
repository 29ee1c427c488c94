import ts from '../../typescript';
import { statementIndexAt, topLevelStatementOf } from '../topLevelStatements';
import { placeParsed, restartNode, settleStatement, shiftNode } from './shiftNodes';
import { recordInnerEdit } from './derivedScan';
import { recordInnerEditForRefinement } from './innerEditForRefinement';
import { workCounters } from '../../workCounters';
import {
  endsWhateverFollows, errorsBetween, flagsOf, type Mutable, nodeListAfterEdit, type ParsedFile, POSSIBLE_TOP_LEVEL_AWAIT, spliceStatement,
} from './statementReparse';

/**
 * A reparse finer than `reparseStatement` (issue #13: typing in a function re-parsed the whole function on every
 * keystroke): when an edit lies inside a block of statements in a function body, only the run of that block's
 * statements around the edit is parsed again, between two statement boundaries that cannot move (the statement
 * before the run, and the run's last, end where the parser ends them whatever follows: endsWhateverFollows). The
 * run's new text is parsed alone in a function of the same context (`async`, generator), its statements must end
 * where the run ends, with their parse errors inside it, and they take the old run's place.
 *
 * The nodes on the way from the top-level statement down to the block are copied (each keeps its hidden class: made
 * by its own constructor, its fields set in the same order), so the top-level statement is a new object, as after
 * `reparseStatement`: whatever the analysis keeps per statement object is made again for it. The nodes beside that
 * way are kept, those after the edit moved by its length.
 *
 * Undefined when it cannot tell the result equals a fresh parse (then `reparseStatement` is tried): the edit is not
 * inside such a block, touches the block's braces, the run's new text parses otherwise, the file has parse errors
 * outside the run, or any where the parser's recovery could differ from the wrapper's (RECOVERS_AS_WRAPPED), or an
 * `import.meta` could change what makes the file a module. The previous tree is invalid afterwards.
 */
export function reparseInnerStatements(
  tree: ts.SourceFile, text: string, change: ts.TextChangeRange, parse: (text: string, setParentNodes?: boolean) => ts.SourceFile,
): ts.SourceFile | undefined {
  const previous = tree as ParsedFile;
  const index = statementIndexAt(previous.statements, change.span.start);
  if (index < 0) return undefined;
  const top = previous.statements[index];
  const start = change.span.start;
  const end = start + change.span.length;
  if (start <= top.getStart(tree) || end >= top.end || top.flags & ts.NodeFlags.AwaitContext) return undefined;
  if (!keepsModuleIndicator(previous, top)) return undefined;
  settleStatement(top); // its inner positions are read and kept
  const path = pathToBlocks(top, start, end);
  for (let level = path.length - 1; level >= 0; level--) {
    const block = path[level].node;
    if (!ts.isBlock(block) || !path[level].inFunction) continue;
    const run = runAround(block.statements, start, end, tree.text);
    if (!run) continue;
    const way = path.slice(0, level + 1);
    // On errors the parser's recovery asks every list it is in whether the token belongs there (an object literal
    // takes a `.`, a parameter list a name): only inside function declarations and statements of the file's top
    // level is it in the lists of the wrapper (the file's statements, blocks' statements).
    const recovers = way.every((step) => RECOVERS_AS_WRAPPED.has(step.node.kind));
    if (previous.parseDiagnostics.length > 0 && !(recovers && errorsInside(previous.parseDiagnostics, tree, run.statements[run.first].getStart(tree), run.end))) return undefined;
    return spliceBeforeLast(previous, text, change, parse, way, index, run, tree) ?? spliceRun(previous, text, change, parse, way, index, run, recovers);
  }
  return undefined;
}

/** A run of a block's statements: `first` to `last`, from `pos` to `end` (the first's leading trivia included). */
interface Run {
  statements: ts.NodeArray<ts.Statement>;
  first: number;
  last: number;
  pos: number;
  end: number;
}

/** One node on the way down from a top-level statement to the edit, with the list its next node is in, if any. */
interface Step {
  node: ts.Node;
  list?: ts.NodeArray<ts.Node>;
  /** The node is, or is inside, a function body (a block there is parsed in the function's context only). */
  inFunction: boolean;
}

/** The nodes from `top` down to the innermost one whose range holds the edit. */
function pathToBlocks(top: ts.Statement, start: number, end: number): Step[] {
  const path: Step[] = [];
  let node: ts.Node | undefined = top;
  let inFunction = false;
  descent.start = start;
  descent.end = end;
  while (node) {
    const step: Step = { node, inFunction };
    path.push(step);
    descent.next = undefined;
    descent.list = undefined;
    ts.forEachChild(node, childHoldingEdit, listHoldingEdit);
    const next: ts.Node | undefined = descent.next;
    if (descent.list) step.list = descent.list;
    if (next && ts.isFunctionLike(node) && next === (node as ts.FunctionLikeDeclaration).body) inFunction = true;
    node = next;
  }
  descent.next = undefined;
  descent.list = undefined;
  return path;
}

/**
 * One step of pathToBlocks: the edit's range, and the child (and the list it is in) that holds it. Read by module
 * functions, not closures made per step (V8 keeps a closure's optimised code only while one of its closures lives:
 * closures made per keystroke were compiled again after every full collection; issue #13).
 */
const descent: { start: number; end: number; next: ts.Node | undefined; list: ts.NodeArray<ts.Node> | undefined } = {
  start: 0, end: 0, next: undefined, list: undefined,
};

function holdsEdit(child: ts.Node): boolean {
  return child.pos <= descent.start && descent.end <= child.end;
}

function childHoldingEdit(child: ts.Node): true | undefined {
  if (!holdsEdit(child)) return undefined;
  descent.next = child;
  return true;
}

function listHoldingEdit(list: ts.NodeArray<ts.Node>): true | undefined {
  const child = list.find(holdsEdit);
  if (!child) return undefined;
  descent.next = child;
  descent.list = list;
  return true;
}

/**
 * The run of statements of a block that the edit lies in, starting after a statement that ends whatever follows
 * (or at the block's start) and ending with one that does; undefined when the edit reaches outside the statements.
 */
function runAround(statements: ts.NodeArray<ts.Statement>, start: number, end: number, text: string): Run | undefined {
  if (statements.length === 0 || start < statements.pos || end > statements.end) return undefined;
  let first = statements.findIndex((statement) => statement.end >= start);
  if (first < 0) return undefined;
  while (first > 0 && !endsWhateverFollows(statements[first - 1], text)) first--;
  let last = first;
  while (last < statements.length - 1 && statements[last + 1].pos <= end) last++;
  while (last < statements.length && !endsWhateverFollows(statements[last], text)) last++;
  if (last >= statements.length) return undefined;
  return { statements, first, last, pos: statements[first].pos, end: statements[last].end };
}

/**
 * True when every parse error lies inside a run of statements: after its first token (an error there can be about
 * what comes before, and one the scanner raised while scanning that token, e.g. `1return`'s "an identifier cannot
 * immediately follow a numeric literal", was raised before the statement before the run was finished, which a fresh
 * parse then marks as having an error) and clear of its last character (one reaching it can read on into what follows).
 */
function errorsInside(diagnostics: readonly ts.DiagnosticWithLocation[], file: ts.SourceFile, firstStart: number, end: number): boolean {
  return errorsBetween(diagnostics, firstTokenEnd(file, firstStart), end);
}

/** Where the token starting at `start` ends (scanned as the parser scans it, outside any template or regular expression). */
function firstTokenEnd(file: ts.SourceFile, start: number): number {
  const scanner = ts.createScanner(file.languageVersion, true, file.languageVariant, file.text, undefined, start);
  scanner.scan();
  return scanner.getTokenEnd();
}

/** The module indicator stays the top-level import/export it is, unless it is an `import.meta` in this statement. */
function keepsModuleIndicator(previous: ParsedFile, top: ts.Statement): boolean {
  const indicator = previous.externalModuleIndicator;
  return indicator === undefined || indicator === true || indicator.parent === previous || topLevelStatementOf(indicator) !== top;
}

/**
 * Nodes whose statements' parse, on errors, recovers as in the wrapper: the parser is in no list of theirs but a
 * block's statements (the wrapper's function is, like a function declaration, in the file's statements only).
 */
const RECOVERS_AS_WRAPPED: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.Block, ts.SyntaxKind.IfStatement, ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.WhileStatement, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForInStatement, ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.LabeledStatement, ts.SyntaxKind.TryStatement, ts.SyntaxKind.CatchClause,
]);

const AWAIT_AND_YIELD = ts.NodeFlags.AwaitContext | ts.NodeFlags.YieldContext;

/** Parses the run's new text and, when it is exact, makes the new tree with it. */
function spliceRun(
  previous: ParsedFile, text: string, change: ts.TextChangeRange, parse: (text: string, setParentNodes?: boolean) => ts.SourceFile,
  path: readonly Step[], index: number, run: Run, recovers: boolean,
): ts.SourceFile | undefined {
  const delta = change.newLength - change.span.length;
  const context = run.statements[run.first].flags & ts.NodeFlags.ContextFlags;
  const prefix = wrapperPrefix(context);
  const runText = text.slice(run.pos, run.end + delta);
  const wrapped = parseWrapped(previous, parse, prefix, runText, context);
  if (!wrapped || wrapped.statements.length === 0) return undefined;
  const { fresh, statements } = wrapped;
  const runEnd = prefix.length + runText.length;
  const lastStatement = statements[statements.length - 1];
  if (lastStatement.end !== runEnd || !endsWhateverFollows(lastStatement, fresh.text)) return undefined;
  if (fresh.parseDiagnostics.length > 0 && !(recovers && errorsInside(fresh.parseDiagnostics, fresh, statements[0].getStart(fresh), runEnd))) return undefined;
  // From here on the previous tree is given up: the fresh SourceFile object becomes the new tree.
  const offset = run.pos - prefix.length;
  for (const statement of statements) placeParsed(statement, offset);
  return finish(previous, fresh, { path, index, run, delta, text, offset, statements, middle: statements, replacedEnd: run.end });
}

/**
 * Statements that start with a keyword no statement before them can take for its own (`const`, `var`, `if`,
 * `return`, `for`, `switch`, `try`, `throw`): after a line break, whatever was typed before ends there.
 */
function startsAlone(statement: ts.Statement): boolean {
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.length) return false;
  if (ts.isVariableStatement(statement)) {
    const flags = statement.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing);
    return flags === ts.NodeFlags.Const || flags === 0;
  }
  return ts.isIfStatement(statement) || ts.isReturnStatement(statement) || ts.isForStatement(statement) || ts.isForInStatement(statement)
    || ts.isForOfStatement(statement) || ts.isSwitchStatement(statement) || ts.isTryStatement(statement) || ts.isThrowStatement(statement);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The run without its last statement when the edit lies before that statement's first token and the statement
 * starts alone (startsAlone): only the text before that token is parsed again (typing a statement above a long call
 * does not parse the call again). The text typed is parsed in the wrapper, whose closing `}` stands where the kept
 * statement's first token stands; a line break still comes before that token. Exact when the typed statements end
 * before that token whatever it is (typedEndsAlike), in a file with no error but in the text replaced: the kept
 * statement then parses as before (the same tokens in the same context), so it is kept, moved, its leading trivia
 * starting where the typed statements now end.
 */
function spliceBeforeLast(
  previous: ParsedFile, text: string, change: ts.TextChangeRange, parse: (text: string, setParentNodes?: boolean) => ts.SourceFile,
  path: readonly Step[], index: number, run: Run, tree: ts.SourceFile,
): ts.SourceFile | undefined {
  const kept = run.statements[run.last];
  if (!startsAlone(kept)) return undefined;
  const keptStart = kept.getStart(tree);
  // Before the token and not touching it (an insertion right before it could join it: `x` + `const`).
  if (change.span.start + change.span.length >= keptStart) return undefined;
  if (!errorsReplaced(previous.parseDiagnostics, keptStart)) return undefined;
  const delta = change.newLength - change.span.length;
  const context = run.statements[run.first].flags & ts.NodeFlags.ContextFlags;
  const prefix = wrapperPrefix(context);
  const beforeText = text.slice(run.pos, keptStart + delta);
  const wrapped = parseWrapped(previous, parse, prefix, beforeText, context);
  if (!wrapped) return undefined;
  const { fresh, statements } = wrapped;
  const typed = statements[statements.length - 1];
  if (!typedEndsAlike(fresh, typed, prefix.length + beforeText.length)) return undefined;
  const offset = run.pos - prefix.length;
  const typedEnd = typed ? typed.end + offset : run.pos;
  if (!LINE_BREAK.test(text.slice(typedEnd, keptStart + delta))) return undefined;
  // From here on the previous tree is given up: the fresh SourceFile object becomes the new tree.
  // The error the wrapper's `}` took is the kept statement's first token's in the file (its length).
  for (const diagnostic of fresh.parseDiagnostics) diagnostic.length = firstTokenEnd(tree, keptStart) - keptStart;
  for (const statement of statements) placeParsed(statement, offset);
  restartNode(kept, delta, typedEnd);
  workCounters.innerStatementsKept++;
  if (fresh.parseDiagnostics.length > 0 || (typed && isLoneIdentifier(typed))) workCounters.innerStatementsKeptAfterHalfTyped++;
  return finish(previous, fresh, {
    path, index, run: { ...run, last: run.last - 1 }, delta, text, offset, statements, middle: [...statements, kept], replacedEnd: keptStart, keptAfter: true,
  });
}

/** ts.Diagnostics.Expression_expected: an operand missing where the parser stood at the next token. */
const EXPRESSION_EXPECTED = 1109;

/**
 * True when the previous tree has no parse error but, at most, the operand missing right at the kept statement's
 * first token (typedEndsAlike's error, in the previous keystroke's text): the statement before, whose end the error
 * was raised at, is replaced. No other: an error after which the parser finished no node (a token skipped, as `)`
 * alone) marks the next node it finishes, inside the kept statement, as having an error.
 */
function errorsReplaced(diagnostics: readonly ts.DiagnosticWithLocation[], keptStart: number): boolean {
  return diagnostics.length === 0 || (diagnostics.length === 1 && diagnostics[0].start === keptStart && diagnostics[0].code === EXPRESSION_EXPECTED);
}

const isLoneIdentifier = (statement: ts.Statement): boolean => ts.isExpressionStatement(statement) && ts.isIdentifier(statement.expression);

/**
 * True when the typed statements, parsed before the wrapper's `}` at `boundary`, end where they would before the kept
 * statement's first token (a reserved word that starts a statement: startsAlone), after a line break, and parse the
 * same. The parser looks at that token only to end the last one, which is then:
 * - without errors, and not a lone contextual keyword (`static`, `declare`, `let`... make the parser look past it
 *   for what it modifies or declares: `static` takes a `const` on the next line as its declaration). A plain word
 *   is an expression statement that ends at a line break before anything but an operator, `(`, `[`, `.` or a template.
 * - or with one error, an operand missing at the boundary: an expression statement or a variable declaration's
 *   initializer whose rightmost operands, down through binary operators only, end in it (`x =`, `a * `). The parser
 *   reached it asking for an expression, where neither `}` nor a statement's keyword starts one, and went back up
 *   through binary operators and a declaration list, which end before either (neither is an operator, and a line
 *   break lets the statement end). Not when the statement holds a `<`: in TypeScript `a < b |` tries to read type
 *   arguments on into the next line (`a<b | throw[1]>(y)`). The error is the one a fresh parse reports at the token.
 */
function typedEndsAlike(fresh: ParsedFile, typed: ts.Statement | undefined, boundary: number): boolean {
  const errors = fresh.parseDiagnostics;
  if (errors.length === 0) {
    return !typed || !isLoneIdentifier(typed) || ts.identifierToKeywordKind((typed as ts.ExpressionStatement).expression as ts.Identifier) === undefined;
  }
  if (!typed || errors.length > 1 || errors[0].code !== EXPRESSION_EXPECTED || errors[0].start !== boundary) return false;
  if (fresh.text.slice(typed.pos, typed.end).includes('<')) return false;
  let operand: ts.Expression | undefined;
  if (ts.isExpressionStatement(typed)) operand = typed.expression;
  else if (ts.isVariableStatement(typed)) operand = typed.declarationList.declarations[typed.declarationList.declarations.length - 1]?.initializer;
  while (operand && ts.isBinaryExpression(operand)) operand = operand.right;
  return operand !== undefined && ts.isIdentifier(operand) && operand.pos === operand.end && operand.end === typed.end;
}

/** The function the run's new text is parsed in: async and generator as the old run's context says. */
function wrapperPrefix(context: number): string {
  // A declaration, as the function a statement is typed in usually is (an expression in parentheses would make the
  // parser look ahead for an arrow function, scanning comment directives twice).
  return `${context & ts.NodeFlags.AwaitContext ? 'async ' : ''}function${context & ts.NodeFlags.YieldContext ? '*' : ''} ${WRAPPER} () {`;
}

/** The run's new text parsed in the wrapper, when it parsed as the wrapper's body in the old run's context. */
function parseWrapped(
  previous: ParsedFile, parse: (text: string, setParentNodes?: boolean) => ts.SourceFile, prefix: string, runText: string, context: number,
): { fresh: ParsedFile; statements: ts.NodeArray<ts.Statement> } | undefined {
  const fresh = parse(`${prefix}${runText}}`, false) as ParsedFile;
  if (!previous.identifiers.has(WRAPPER)) fresh.identifiers.delete(WRAPPER); // the file's identifiers only
  const statements = wrappedStatements(fresh);
  if (!statements || fresh.externalModuleIndicator !== undefined) return undefined;
  // The same context as the old run's (the wrapper gives await and yield; anything else, e.g. `with`, declines).
  if (statements.some((statement) => (statement.flags & ts.NodeFlags.ContextFlags) !== context)) return undefined;
  if (statements.length > 0 && (context & ~AWAIT_AND_YIELD) !== (statements[0].flags & ts.NodeFlags.ContextFlags & ~AWAIT_AND_YIELD)) return undefined;
  return { fresh, statements };
}

/** What `finish` puts in place of a run. */
interface Replacement {
  path: readonly Step[];
  index: number;
  /** The old statements replaced (`first` to `last`); those after them move by `delta`. */
  run: Run;
  delta: number;
  text: string;
  /** Where the wrapper's text starts in the file. */
  offset: number;
  /** The statements just parsed, and what takes the run's place (them, and a statement kept after them). */
  statements: readonly ts.Statement[];
  middle: readonly ts.Statement[];
  /** Where the replaced text ended in the old text. */
  replacedEnd: number;
  keptAfter?: boolean;
}

/** The new tree: the path copied down to the block with `middle` in place of the run, spliced into the file. */
function finish(previous: ParsedFile, fresh: ParsedFile, replacement: Replacement): ts.SourceFile {
  const { path, index, run, delta, text, offset, statements } = replacement;
  // The copies' transform flags get the new statements' too (a superset, as for the file's: only emit reads them).
  let flags = 0;
  for (const statement of statements) flags |= flagsOf(statement);
  const copies = new Map<ts.Node, ts.Node>();
  const top = copyPath(path, run, replacement.middle, delta, flags & ~POSSIBLE_TOP_LEVEL_AWAIT, copies, replacement.keptAfter ? 1 : 0);
  // The analysis makes the new statement's summary from the old one's (derivedScan.ts).
  const removed = run.statements.slice(run.first, run.last + 1);
  recordInnerEdit(top, { from: path[0].node as ts.Statement, removed, added: statements, runPos: run.pos, copies });
  // The refinement keeps the verdicts of checks that read none of the run (refinementReuse.ts).
  const block = path[path.length - 1].node as ts.Block;
  recordInnerEditForRefinement(top, path[0].node as ts.Statement, block, {
    block: copies.get(block) as ts.Block, removed, added: statements, pos: run.pos, removedEnd: replacement.replacedEnd, delta,
  });
  // The statement that makes the file a module may be the one copied: its copy does now.
  const indicator = previous.externalModuleIndicator === path[0].node ? top : previous.externalModuleIndicator;
  return spliceStatement(previous, fresh, { index, statement: top, delta, text, indicator, offset, replaced: { pos: run.pos, end: replacement.replacedEnd } });
}

/** The name of the function the run's new text is parsed in. */
const WRAPPER = 'run';

/** The statements of the function the run's text was wrapped in, if it parsed as that function. */
function wrappedStatements(fresh: ParsedFile): ts.NodeArray<ts.Statement> | undefined {
  if (fresh.statements.length !== 1) return undefined;
  const fn = fresh.statements[0];
  return ts.isFunctionDeclaration(fn) && fn.body ? fn.body.statements : undefined;
}

/**
 * New copies of the nodes on `path`, from the block whose run is replaced up to the top-level statement: each with
 * the copy below it in place of the old node, the nodes after the edit moved by `delta` (each copy in `copies`).
 * Returns the new top.
 */
function copyPath(
  path: readonly Step[], run: Run, fresh: readonly ts.Statement[], delta: number, flags: number, copies: Map<ts.Node, ts.Node>, keptAfter: number,
): ts.Statement {
  const block = path[path.length - 1].node as ts.Block;
  const old = run.statements;
  // `keptAfter`: the statement after the run is in `fresh` already, moved.
  for (let i = run.last + 1 + keptAfter; i < old.length; i++) shiftNode(old[i], delta);
  const statements = nodeListAfterEdit(old, [...old.slice(0, run.first), ...fresh, ...old.slice(run.last + 1 + keptAfter)], delta, flags);
  let below: ts.Node = copyNode(block, old, statements, delta, flags);
  copies.set(block, below);
  let oldBelow: ts.Node = block;
  for (let level = path.length - 2; level >= 0; level--) {
    const { node, list } = path[level];
    shiftAfter(node, oldBelow, list, delta);
    if (list) {
      const items = list.slice();
      items[items.indexOf(oldBelow)] = below;
      below = copyNode(node, list, nodeListAfterEdit(list, items, delta, flags), delta, flags);
    } else {
      below = copyNode(node, oldBelow, below, delta, flags);
    }
    copies.set(node, below);
    oldBelow = node;
  }
  return below as ts.Statement;
}

/** The children of `node` after `child` (in `list`, or after it), moved by `delta`, with the lists that hold them. */
function shiftAfter(node: ts.Node, child: ts.Node, list: ts.NodeArray<ts.Node> | undefined, delta: number): void {
  const after = child.end;
  ts.forEachChild(node, (other) => {
    if (other !== child && other.pos >= after) shiftNode(other, delta);
  }, (items) => {
    if (items === list) {
      for (const item of items) if (item !== child && item.pos >= after) shiftNode(item, delta);
    } else if (items.pos >= after) {
      (items as Mutable<ts.NodeArray<ts.Node>>).pos += delta;
      (items as Mutable<ts.NodeArray<ts.Node>>).end += delta;
      for (const item of items) shiftNode(item, delta);
    }
  });
}

/** Internal node flags TypeScript fills in lazily from the subtree (whether it has errors): a copy asks again. */
const AGGREGATED = (1 << 20) | (1 << 21); // ThisNodeOrAnySubNodesHasError | HasAggregatedChildData

/**
 * A copy of `node` (its own constructor, its fields in the same order, so the same hidden class as the parser's),
 * with `replacement` where it had `replaced` (a child or a list of children), ending `delta` later, and parent of
 * its children.
 */
function copyNode<T extends ts.Node>(node: T, replaced: unknown, replacement: unknown, delta: number, flags: number): T {
  const Constructor = (node as unknown as { constructor: new (kind: ts.SyntaxKind, pos: number, end: number) => T }).constructor;
  const copy = new Constructor(node.kind, node.pos, node.end);
  const fields = copy as unknown as Record<string, unknown>;
  for (const key in node) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    fields[key] = value === replaced ? replacement : value;
  }
  const mutable = copy as unknown as Mutable<ts.Node> & { id: number; transformFlags: number };
  mutable.end += delta;
  mutable.transformFlags |= flags;
  mutable.flags &= ~AGGREGATED;
  mutable.id = 0;
  adoption.parent = copy;
  ts.forEachChild(copy, adopt, adoptList);
  const jsDoc = (copy as { jsDoc?: ts.Node[] }).jsDoc;
  if (jsDoc) adoptList(jsDoc);
  adoption.parent = undefined;
  return copy;
}

/** The copy whose children adopt sets the parent of: module functions, not closures made per copy (see `descent`). */
const adoption: { parent: ts.Node | undefined } = { parent: undefined };

function adopt(child: ts.Node): void {
  (child as Mutable<ts.Node>).parent = adoption.parent!;
}

function adoptList(list: readonly ts.Node[]): void {
  for (const child of list) adopt(child);
}

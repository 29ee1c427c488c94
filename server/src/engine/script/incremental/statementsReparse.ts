import ts from '../../typescript';
import type { OffsetRange } from '../../types';
import { statementIndexAt, topLevelStatementOf } from '../topLevelStatements';
import { moveStatement, shiftNode } from './shiftNodes';
import { type Directive, endsWhateverFollows, type Mutable, type ParsedFile, POSSIBLE_TOP_LEVEL_AWAIT } from './statementReparse';

/** A replacement of `range` (offsets into the previous text) by `newText`. */
export interface Replacement {
  range: OffsetRange;
  newText: string;
}

/** The edits that fall in one top-level statement (or just before it), and its new text parsed alone. */
interface Group {
  index: number;
  old: ts.Statement;
  /** Where the replaced text ends in the previous text: the statement's end, or the file's for the last statement. */
  oldEnd: number;
  delta: number;
  pos: number;
  fresh: ParsedFile;
}

/**
 * `reparseStatement` for many edits at once (a rewrite pass edits statements all over a file): when every edit lies
 * in one top-level statement (from the end of the one before, so statements inserted before it count) and each
 * edited statement's new text parses alone into statements that end whatever follows, only those texts are parsed
 * and spliced into the tree; the others keep their nodes, moved lazily (shiftNodes.ts).
 * `edits` are sorted, disjoint and against `tree.text`; `text` is the text after them. Undefined, with the tree left
 * as it was, when it cannot tell the result equals a fresh parse (the same conditions as `reparseStatement`'s, and
 * any edit that would change which statement makes the file a module). The previous tree is invalid afterwards.
 */
export function reparseStatements(
  tree: ts.SourceFile, text: string, edits: readonly Replacement[], parse: (text: string) => ts.SourceFile,
): ts.SourceFile | undefined {
  const previous = tree as ParsedFile;
  if (edits.length === 0 || previous.parseDiagnostics.length > 0) return undefined;
  const grouped = groupByStatement(tree, text, edits, parse);
  if (!grouped) return undefined;
  const { groups, indicator } = grouped;

  // From here on the previous tree is given up: the first fresh SourceFile object becomes the new tree.
  const statements = previous.statements;
  const spliced: ts.Statement[] = [];
  let moved = 0;
  let next = 0;
  for (let i = 0; i < statements.length; i++) {
    const group = groups[next];
    if (group?.index === i) {
      for (const statement of group.fresh.statements) {
        shiftNode(statement, group.pos);
        spliced.push(statement);
      }
      moved += group.delta;
      next++;
    } else {
      moveStatement(statements[i], moved);
      spliced.push(statements[i]);
    }
  }
  // Edits after the last statement were parsed with it, up to the end of the file.
  const tail = groups[groups.length - 1].oldEnd === tree.text.length ? groups[groups.length - 1] : undefined;
  const endOfFile = tail ? tail.fresh.endOfFileToken : previous.endOfFileToken;
  shiftNode(endOfFile, tail ? tail.pos : moved);
  const list = ts.factory.createNodeArray(spliced, statements.hasTrailingComma) as Mutable<ts.NodeArray<ts.Statement>>;
  list.pos = statements.pos;
  list.end = statements.end + moved;

  const result = groups[0].fresh as Mutable<ParsedFile>;
  result.text = text;
  result.end = text.length;
  (result as { lineMap?: readonly number[] }).lineMap = undefined;
  result.statements = list;
  result.endOfFileToken = endOfFile;
  for (const kept of spliced) (kept as Mutable<ts.Node>).parent = result;
  (result.endOfFileToken as Mutable<ts.Node>).parent = result;
  result.externalModuleIndicator = indicator;
  result.flags |= previous.flags;
  result.transformFlags |= previous.transformFlags;
  result.nodeCount += previous.nodeCount;
  result.identifierCount += previous.identifierCount;
  for (const group of groups) {
    for (const [key, value] of group.fresh.identifiers) previous.identifiers.set(key, value);
    if (group.fresh === result) continue;
    result.flags |= group.fresh.flags;
    result.transformFlags |= group.fresh.transformFlags;
    result.nodeCount += group.fresh.nodeCount;
    result.identifierCount += group.fresh.identifierCount;
  }
  result.identifiers = previous.identifiers;
  result.commentDirectives = movedDirectives(previous.commentDirectives, groups);
  // Pragmas and reference directives come from the comments at the top of the file: the first statement's new
  // text starts with them when it was edited, else they are the previous tree's.
  const top = groups[0].pos === 0 ? groups[0].fresh : previous;
  for (const key of ['pragmas', 'referencedFiles', 'typeReferenceDirectives', 'libReferenceDirectives', 'amdDependencies',
    'hasNoDefaultLib', 'moduleName', 'checkJsDirective'] as const) {
    (result as unknown as Record<string, unknown>)[key] = (top as unknown as Record<string, unknown>)[key];
  }
  return result;
}

/**
 * The edited statements, each parsed alone from the new text, and what will make the new tree a module; undefined
 * when one cannot be spliced in. Changes nothing.
 */
function groupByStatement(
  tree: ts.SourceFile, text: string, edits: readonly Replacement[], parse: (text: string) => ts.SourceFile,
): { groups: Group[]; indicator: ParsedFile['externalModuleIndicator'] } | undefined {
  const statements = tree.statements;
  let indicator = (tree as ParsedFile).externalModuleIndicator;
  const spans: Array<{ index: number; delta: number }> = [];
  const lastIndex = statements.length - 1;
  for (const edit of edits) {
    // An edit after the last statement (an import added at the end of a one-line file) goes with it.
    const index = lastIndex >= 0 && edit.range.start >= statements[lastIndex].end ? lastIndex : statementIndexAt(statements, edit.range.start);
    if (index < 0 || edit.range.end > (index === lastIndex ? tree.text.length : statements[index].end)) return undefined;
    const delta = edit.newText.length - (edit.range.end - edit.range.start);
    const last = spans[spans.length - 1];
    if (last?.index === index) last.delta += delta;
    else spans.push({ index, delta });
  }
  const groups: Group[] = [];
  let shift = 0;
  for (const { index, delta } of spans) {
    const old = statements[index];
    if (index > 0 && !endsWhateverFollows(statements[index - 1], tree.text)) return undefined;
    const pos = old.pos + shift;
    const oldEnd = index === lastIndex ? tree.text.length : old.end;
    const ownText = text.slice(pos, oldEnd + shift + delta);
    const fresh = parse(ownText) as ParsedFile;
    if (!splicesAlone(fresh, ownText, index === lastIndex)) return undefined;
    const kept = moduleIndicatorWith(tree as ParsedFile, old, fresh);
    if (kept === false) return undefined;
    // Only the statement that was the indicator can hand it on (to the first import/export of its new text).
    if (kept !== (tree as ParsedFile).externalModuleIndicator) indicator = kept;
    groups.push({ index, old, oldEnd, delta, pos, fresh });
    shift += delta;
  }
  return { groups, indicator };
}

/**
 * True when the statements parsed from `ownText` alone are those a parse of the whole file makes there: each ends
 * where it would whatever follows (but the file's last, `atEnd`, which nothing follows).
 */
function splicesAlone(fresh: ParsedFile, ownText: string, atEnd: boolean): boolean {
  const count = fresh.statements.length;
  if (count === 0 || fresh.parseDiagnostics.length > 0) return false;
  if (!atEnd && fresh.statements[count - 1].end !== ownText.length) return false;
  return fresh.statements.every((statement, index) => (atEnd && index === count - 1) || endsWhateverFollows(statement, ownText))
    && fresh.statements.every((statement) => ((statement as ts.Statement & { transformFlags: number }).transformFlags & POSSIBLE_TOP_LEVEL_AWAIT) === 0);
}

/**
 * What makes the new tree a module (`isFileProbablyExternalModule`: the first import/export statement, else an
 * `import.meta`) with `old` replaced by the statements of `fresh`, or false when that takes more than them to tell.
 */
function moduleIndicatorWith(previous: ParsedFile, old: ts.Statement, fresh: ParsedFile): ParsedFile['externalModuleIndicator'] | false {
  const indicator = previous.externalModuleIndicator;
  const freshIndicator = fresh.externalModuleIndicator;
  const isStatement = freshIndicator !== undefined && freshIndicator !== true && freshIndicator.parent === fresh;
  // The first import/export was this statement: the first of its new text, if it still has one.
  if (indicator === old) return isStatement ? freshIndicator : false;
  const isStatementBefore = indicator !== undefined && indicator !== true && indicator.parent === previous && indicator.pos < old.pos;
  if (isStatement) return isStatementBefore ? indicator : false;
  if (freshIndicator !== undefined) return false; // an import.meta in the new text
  if (indicator === undefined || indicator === true || indicator.parent === previous) return indicator;
  return topLevelStatementOf(indicator) !== old ? indicator : false; // an import.meta: gone if it was in the statement
}

/** The `@ts-ignore`/`@ts-expect-error` comments: those outside the edited statements moved, the new statements' own. */
function movedDirectives(previous: readonly Directive[] | undefined, groups: readonly Group[]): Directive[] | undefined {
  const moved = (directive: Directive, by: number): Directive => ({ ...directive, range: { pos: directive.range.pos + by, end: directive.range.end + by } });
  const directives: Directive[] = [];
  let next = 0;
  let shift = 0;
  const takeGroup = () => {
    const group = groups[next++];
    directives.push(...(group.fresh.commentDirectives ?? []).map((directive) => moved(directive, group.pos)));
    shift += group.delta;
  };
  for (const directive of previous ?? []) {
    while (next < groups.length && groups[next].oldEnd <= directive.range.pos) takeGroup();
    if (next < groups.length && groups[next].old.pos <= directive.range.pos) continue; // replaced with its statement
    directives.push(moved(directive, shift));
  }
  while (next < groups.length) takeGroup();
  return directives.length > 0 || previous ? directives : undefined;
}

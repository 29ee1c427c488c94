import ts from '../typescript';
import type { Finding } from '../types';
import type { InnerEditForRefinement, InnerEditStep } from '../script/incremental/innerEditForRefinement';
import type { CheckReads } from './support/checkReads';
import { statementReferencesTo } from './support/nodes';
import type { Verdict } from './transform';
import { workCounters } from '../workCounters';

/** A kept verdict, what its check read, and whether its transform reads around its finding's statement only by name. */
export interface Kept {
  verdict: Verdict;
  reads: CheckReads;
  readsByName: boolean;
}

/** Kept verdicts by finding shape, then by transform name. */
export type VerdictsByShape = Map<string, Map<string, Kept>>;

export interface AcrossInnerEdit {
  /** The verdicts that hold, by the shapes of the findings now. */
  kept: VerdictsByShape;
  /** The shape each finding beside the runs had before the edits. */
  earlierShapes: ReadonlyMap<Finding, string>;
  /** Every verdict held, and every finding lies beside the runs (if the findings are those of before, refining gives what it gave). */
  all: boolean;
}

/**
 * The verdicts of the statement inner reparses made the new one from (`before`) that hold in the new one, by the
 * shape (`shapeOf`) each finding has there. A verdict holds when its finding lies in a statement of the edited block
 * beside the runs (kept, only moved: the finding has the same shape once moved back), its transform's check reads the
 * blocks around that statement only by name (FixTransform.checkReadsByName), and it looked up no name the runs' old
 * or new statements mention, walked no scope and read no finding. The edit replaced no other top-level statement.
 * A statement of the runs whose text the edits left as it was, only moved (see unchangedInRuns), counts as beside
 * them: a half-typed line that does not end its statement takes the next one (often the call) into the run again.
 * `texts`: the text the verdicts were made for, and the text now.
 */
export function verdictsAcrossInnerEdit(
  edit: InnerEditForRefinement, before: VerdictsByShape, findings: readonly Finding[], shapes: readonly string[], texts: { before: string; now: string },
): AcrossInnerEdit {
  const kept: VerdictsByShape = new Map();
  const earlierShapes = new Map<Finding, string>();
  let keptCount = 0;
  const unchanged = unchangedInRuns(edit, texts.before, texts.now);
  const runs = unchanged?.changed ?? [...edit.removed, ...edit.added];
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    // In the block (a finding elsewhere in the top-level statement may lie in a node copied on the way down).
    const statement = statementHolding(edit.block.statements, finding.range.start, finding.range.end);
    if (!statement) continue;
    // Beside the runs, or in a statement of theirs only moved.
    const moved = movedBy(edit.steps, finding.range.start, finding.range.end) ?? unchanged?.moved.get(statement);
    if (moved === undefined) continue;
    const shape = shapes[i];
    const earlier = movedShape(shape, moved);
    earlierShapes.set(finding, earlier);
    const byName = before.get(earlier);
    if (!byName) continue;
    for (const [name, verdict] of byName) {
      if (!holds(verdict, runs)) continue;
      let now = kept.get(shape);
      if (!now) kept.set(shape, (now = new Map()));
      now.set(name, verdict);
      keptCount++;
    }
  }
  workCounters.verdictsKeptInside += keptCount;
  let verdicts = 0;
  for (const byName of before.values()) verdicts += byName.size;
  return { kept, earlierShapes, all: keptCount === verdicts && earlierShapes.size === findings.length };
}

/**
 * The runs as one replacement: the statements of the edited block that the first step replaced (in the text the
 * verdicts were made for) by the statements of the block now that the steps made, both contiguous. Those at its two
 * ends that are the same before and after (movedUnchanged), pair by pair in order, were only moved (`moved`: by how
 * much, by the statement now); the others `changed`, old and new. Undefined when a later step
 * replaced a statement the first did not (its position is not in the text before): the runs then count whole.
 */
function unchangedInRuns(
  edit: InnerEditForRefinement, before: string, now: string,
): { moved: ReadonlyMap<ts.Statement, number>; changed: ts.Statement[] } | undefined {
  // Arrays, not sets: a keystroke's runs hold a few statements.
  const added = edit.added;
  const old: ts.Statement[] = [];
  for (const statement of edit.removed) if (!added.includes(statement)) old.push(statement);
  // The first step's statements are still children of the block the first step copied; a later step's, of a copy.
  const oldBlock = old[0]?.parent;
  if (!oldBlock || !contiguous(old, oldBlock)) return undefined;
  const made: ts.Statement[] = [];
  for (const statement of edit.block.statements) if (added.includes(statement)) made.push(statement);
  if (!contiguous(made, edit.block)) return undefined;
  const moved = new Map<ts.Statement, number>();
  let head = 0;
  for (let by; head < old.length && head < made.length && (by = movedUnchanged(old[head], before, made[head], now)) !== undefined; head++) moved.set(made[head], by);
  let tail = 0;
  for (let by; tail < old.length - head && tail < made.length - head; tail++) {
    const statement = made[made.length - 1 - tail];
    if ((by = movedUnchanged(old[old.length - 1 - tail], before, statement, now)) === undefined) break;
    moved.set(statement, by);
  }
  workCounters.statementsMovedInRuns += moved.size;
  return { moved, changed: [...old.slice(head, old.length - tail), ...made.slice(head, made.length - tail)] };
}

/** Whether the statements, children of `parent`, follow each other with nothing between them. */
function contiguous(statements: readonly ts.Statement[], parent: ts.Node): boolean {
  for (let i = 0; i < statements.length; i++) {
    if (statements[i].parent !== parent || (i > 0 && statements[i].pos !== statements[i - 1].end)) return false;
  }
  return true;
}

/**
 * How far `now` (in `nowText`) lies after `old` (in `oldText`) when it is the same statement moved: the same kind, the
 * same text from its first token to its end, and the same comments before it (its leading whitespace may differ:
 * what was typed before it took a line break).
 */
function movedUnchanged(old: ts.Statement, oldText: string, now: ts.Statement, nowText: string): number | undefined {
  if (old.kind !== now.kind) return undefined;
  const oldStart = tokenStart(oldText, old.pos);
  const nowStart = tokenStart(nowText, now.pos);
  if (old.end - oldStart !== now.end - nowStart || !oldText.startsWith(nowText.slice(nowStart, now.end), oldStart)) return undefined;
  if (!sameComments(ts.getLeadingCommentRanges(oldText, old.pos), oldText, ts.getLeadingCommentRanges(nowText, now.pos), nowText)) return undefined;
  return nowStart - oldStart;
}

function sameComments(a: ts.CommentRange[] | undefined, aText: string, b: ts.CommentRange[] | undefined, bText: string): boolean {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  for (let i = 0; a && i < a.length; i++) if (aText.slice(a[i].pos, a[i].end) !== bText.slice(b![i].pos, b![i].end)) return false;
  return true;
}

/** One scanner that skips trivia, for every statement (a fresh one per call allocates its closures). */
const triviaScanner = ts.createScanner(ts.ScriptTarget.Latest, true);

/** Where the first token at or after `pos` starts (its leading trivia skipped, as the parser skips it). */
function tokenStart(text: string, pos: number): number {
  triviaScanner.setText(text, pos);
  triviaScanner.scan();
  const start = triviaScanner.getTokenStart();
  triviaScanner.setText('');
  return start;
}

/** How far the steps moved a range, now at `start`-`end`; undefined when it lies in (or touches) what one replaced. */
function movedBy(steps: readonly InnerEditStep[], start: number, end: number): number | undefined {
  let moved = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const { pos, removedEnd, delta } = steps[i];
    if (start >= removedEnd + delta) {
      start -= delta;
      end -= delta;
      moved += delta;
    } else if (end > pos) {
      return undefined;
    }
  }
  return moved;
}

/** `runs`: the statements the edits changed (asked only of the names a check looked up: most look up none). */
function holds({ readsByName, reads }: Kept, runs: readonly ts.Statement[]): boolean {
  if (!readsByName || reads.wholeFile || reads.localWalk || reads.findings || reads.findingRules.size > 0) return false;
  for (const name of reads.names) if (mentionedIn(runs, name)) return false;
  for (const name of reads.localNames) if (mentionedIn(runs, name)) return false;
  for (const name of reads.counted.keys()) if (mentionedIn(runs, name)) return false;
  return true;
}

function mentionedIn(statements: readonly ts.Statement[], name: string): boolean {
  for (const statement of statements) if (statementReferencesTo(statement, name).length > 0) return true;
  return false;
}

/** The shape (refinementReuse.ts shapeOf) of the same finding `moved` characters earlier in its statement: its two offsets less `moved`. */
function movedShape(shape: string, moved: number): string {
  if (moved === 0) return shape;
  const first = shape.indexOf(',');
  const second = shape.indexOf(',', first + 1);
  return `[${Number(shape.slice(1, first)) - moved},${Number(shape.slice(first + 1, second)) - moved}${shape.slice(second)}`;
}

/** The statement of a block's list whose range holds `start`-`end` (binary search: a list in document order). */
function statementHolding(statements: readonly ts.Statement[], start: number, end: number): ts.Statement | undefined {
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (statements[middle].end < end) low = middle + 1;
    else high = middle;
  }
  const statement = statements[low];
  return statement && statement.pos <= start ? statement : undefined;
}

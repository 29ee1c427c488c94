import ts from '../typescript';
import { currentLocale } from '../l10n';
import type { Finding } from '../types';
import type { CheckMemo } from './checkMemo';
import { isImportLike } from './fixContext';
import type { CheckReads, PlainUse, ReadObserver } from './support/checkReads';
import { indexStatements, knowStatementReferences, statementReferences, statementReferencesTo } from './support/nodes';
import { treeHasSyntaxErrors } from './support/syntax';
import { replacedStatements, statementAt } from '../script/topLevelStatements';
import type { FixInput } from '../fixTypes';
import { type WaitedBefore, waitingForSyntax } from './index';
import { sameApartFromRange, shapeOf, withOffsets } from './findingShapes';
import { FILE_WIDE_PROPERTY_NAMES } from './transforms/rewriteLangChain';
import { isPlaceholderFinding } from './support/placeholderEndpoint';
import { workCounters } from '../workCounters';
import { giveSlots, ObjectCache } from '../objectCache';
import { findingWith } from '../finding';
import { movedFrom } from '../findingMoves';
import { WordCounts } from './wordCounts';
import { type InnerEditForRefinement, takeInnerEditForRefinement } from '../script/incremental/innerEditForRefinement';
import { type VerdictsByShape, verdictsAcrossInnerEdit } from './innerEditVerdicts';

/** refineFixability, given the document's tree and the verdicts kept from earlier versions. */
export type Refine = (input: FixInput, findings: readonly Finding[], parsed?: ts.SourceFile, memo?: CheckMemo) => Finding[];

/** Where a finding sits: the top-level statement holding it, and the finding apart from that statement's place. */
export interface Place {
  anchor: ts.Statement;
  shape: string;
  rule: string;
}

/**
 * Each finding's shape, for the anchor position it was made for (see placeOf), and each statement's names (namesOf),
 * as the instance that made them found them. One cache for every instance, not one per instance: each cache is a
 * symbol-keyed property on the finding or statement, and a new symbol per document gave that document's findings and
 * statements hidden classes the typing path had never seen, deoptimising it at every document opened (issue #13).
 */
const shapes = new ObjectCache<Finding, { owner: RefinementReuse; anchorPos: number; shape: string }>('shape', 'finding');
const namesOfStatement = new ObjectCache<ts.Statement, { owner: RefinementReuse; names: StatementReferences }>('namesOfStatement', 'statement');

/**
 * Keeps one document's fix-check verdicts across edits (issue #13: refining ran every check of the file on each
 * keystroke). A verdict is kept with its finding's top-level statement and with what its check read beyond that
 * statement (checkReads.ts: names looked up file-wide, the other findings, the whole file). An edit replaces some
 * top-level statements; a kept verdict survives it when its statement is still there (the parser reuses unchanged
 * statements as the same objects), no replaced statement (before or after the edit) mentions a name it looked
 * up, the findings are the same if it read them, and it did not walk the whole file. Edits to imports, `require`s
 * or exports, and changes of settings, locale or the file-wide property names (FILE_WIDE_PROPERTY_NAMES) drop
 * every verdict. An edit inside a function that an inner reparse took (innerStatementReparse.ts) replaces its
 * top-level statement too, yet keeps the verdicts whose checks read none of the statements it replaced there
 * (innerEditVerdicts.ts). refineFixability then runs only the checks whose verdicts are gone: the work of a keystroke
 * follows what it can change, not the size of the file.
 */
export class RefinementReuse {
  private key: string | undefined;
  /** The last refined tree, its top-level statements, and where its findings were. */
  private tree: ts.SourceFile | undefined;
  /** Undefined before the first (see replacedStatements). */
  private statements: readonly ts.Statement[] | undefined;
  private places: Array<Place | undefined> = [];
  /**
   * By anchor statement, finding shape and transform name: the shape strings are the same objects from one keystroke
   * to the next (see placeOf), so looking one up does not hash a new text made from it for every finding and check.
   */
  private kept = new Map<ts.Statement, VerdictsByShape>();
  /**
   * The verdicts of the one top-level statement the last edit replaced, when an inner reparse made the new one from
   * it: those that still hold are kept for the new one (see refine).
   */
  private acrossInnerEdit: InnerEditAcross | undefined;
  /** The names of a statement as the analysis found them in its own walk, when it has them (see refine). */
  private knownNames: StatementNames | undefined;
  /** The statements of the last refined tree that mention each name (kept up to date edit by edit). */
  private readonly naming = new Map<string, Set<ts.Statement>>();
  /** How often the file-wide property names occur in the text, counted around each edit (part of the key). */
  private readonly fileWide = new WordCounts();
  private readonly verdictKey = new VerdictKey();
  /** The findings of the last version that did not parse, and what they became while waiting for the syntax. */
  private waited: WaitedBefore | undefined;
  /** The findings of the last refined tree (with their places: `places`) and what refining made of them. */
  private last: { findings: readonly Finding[]; refined: readonly Finding[] } | undefined;

  /**
   * `settle`: when the positions under the tree's top-level statements may lag behind (the editor's incremental tree,
   * see shiftNodes.ts), what brings those of some statements (or of all) up to date. Only the statements' own
   * positions are read without it; a check that runs again settles its finding's statement and, as it reads them,
   * what it reads beyond (checkReads.ts); the placeholders' fixes settle the whole tree.
   * `referencesOf`: the references in each statement of the tree by name, when the caller's analysis already walked
   * it for them (the editor's incremental analysis did, for every statement an edit made): the statement is not
   * walked again, for its names nor for the checks that count references (statementReferencesTo).
   */
  refine(
    input: FixInput, findings: readonly Finding[], tree: ts.SourceFile | undefined, refine: Refine, settle?: Settle, referencesOf?: StatementNames,
  ): Finding[] {
    if (!tree || tree.text !== input.text) {
      this.forget();
      return refine(input, findings);
    }
    // Counted on every version, so each is counted around its edit from the one before.
    const fileWide = this.fileWide.count(input, FILE_WIDE_PROPERTY_NAMES);
    // Typing makes the text briefly not parse: its fixable findings then just wait, and the verdicts of the last
    // parsing version are kept for when it parses again.
    if (treeHasSyntaxErrors(tree)) {
      const waiting = waitingForSyntax(findings, this.waited);
      this.waited = { findings, waiting, locale: currentLocale() };
      return waiting;
    }
    // Pushed, not mapped: one hidden class whether this runs optimised or not (an optimised Array.prototype.map makes a holey array, the builtin a packed one; issue #13).
    const places: Array<Place | undefined> = [];
    for (let i = 0; i < findings.length; i++) places.push(this.placeOf(tree, findings[i], i));
    const previousPlaces = this.places;
    this.knownNames = referencesOf;
    let unchanged = this.follow(this.verdictKey.of(input, fileWide), tree, places);
    this.knownNames = undefined;
    const across = this.acrossInnerEdit;
    if (across) unchanged = this.keepAcrossInnerEdit(across, input.text, findings, places, settle) && sameAcross(across, previousPlaces, places, findings);
    const last = this.last;
    this.last = undefined;
    // Every verdict kept and the findings where they were: refining would give what it gave (see carriedOver).
    if (unchanged && last && last.findings.length === findings.length && !findings.some(isPlaceholderFinding)) {
      workCounters.refinementsCarried++;
      // The tree gets the slots a refinement that runs would give it (indexStatements): the same hidden class either way.
      giveSlots(tree, 'sourceFile');
      const refined: Finding[] = [];
      for (let i = 0; i < findings.length; i++) refined.push(carriedOver(last.refined[i], last.findings[i], findings[i]));
      this.last = { findings, refined };
      return refined;
    }
    indexStatements(tree, {
      naming: (name) => (tree === this.tree ? inOrder(this.naming.get(name) ?? []) : undefined),
      moduleStatements: () => {
        if (tree !== this.tree) return undefined;
        const statements = inOrder(this.naming.get(MODULE_STATEMENTS) ?? []);
        settle?.(statements); // reached without a read by name
        return statements;
      },
    });
    const placeOfFinding = new Map(findings.map((finding, i) => [finding, places[i]]));
    const settling = settle && settlingReads(settle, places, (name) => this.naming.get(name));
    if (settling && findings.some(isPlaceholderFinding)) settling.wholeFile(); // their fixes are computed from the whole file
    const memo: CheckMemo = {
      verdictOf: (transform, finding) => {
        const place = placeOfFinding.get(finding);
        const verdict = place && this.kept.get(place.anchor)?.get(place.shape)?.get(transform.name)?.verdict;
        if (!verdict && settling) settling.statement(place?.anchor); // the check runs, starting in its finding's statement
        return verdict;
      },
      observer: settling,
      keep: (transform, finding, verdict, reads) => {
        const place = placeOfFinding.get(finding);
        if (!place) return;
        let byShape = this.kept.get(place.anchor);
        if (!byShape) this.kept.set(place.anchor, (byShape = new Map()));
        let byName = byShape.get(place.shape);
        if (!byName) byShape.set(place.shape, (byName = new Map()));
        byName.set(transform.name, { verdict, reads, readsByName: transform.checkReadsByName === true });
      },
    };
    const refined = refine({ ...input, sourceFile: tree }, findings, tree, memo);
    this.last = { findings, refined };
    return refined;
  }

  private forget(): void {
    this.key = undefined;
    this.tree = undefined;
    this.naming.clear();
    this.statements = undefined;
    this.places = [];
    this.kept.clear();
    this.acrossInnerEdit = undefined;
    this.last = undefined;
    this.waited = undefined;
  }

  /**
   * Keeps for the statement an inner reparse made the verdicts of the one it replaced that still hold
   * (innerEditVerdicts.ts). True when every verdict held (of that statement, and of the others: `othersKept`) and its
   * findings all lie beside the runs, with their earlier shapes kept in `across` (see sameAcross).
   */
  private keepAcrossInnerEdit(across: InnerEditAcross, text: string, findings: readonly Finding[], places: ReadonlyArray<Place | undefined>, settle: Settle | undefined): boolean {
    this.acrossInnerEdit = undefined;
    const inside: Finding[] = [];
    const shapes: string[] = [];
    for (let i = 0; i < places.length; i++) {
      const place = places[i];
      if (place?.anchor !== across.to) continue;
      inside.push(findings[i]);
      shapes.push(place.shape);
    }
    if (inside.length === 0) return false;
    settle?.([across.to]); // the positions in it are read
    const { kept, earlierShapes, all } = verdictsAcrossInnerEdit(across.edit, across.verdicts, inside, shapes, { before: across.textBefore, now: text });
    if (kept.size > 0) this.kept.set(across.to, kept);
    across.earlierShapes = earlierShapes;
    return all && across.othersKept;
  }

  /**
   * Drops the verdicts the edit from the last refined tree to `tree` can have changed. True when it dropped none,
   * with the same key, and every finding has a place, the same as the finding at its index had before.
   */
  private follow(key: string, tree: ts.SourceFile, places: Array<Place | undefined>): boolean {
    const previousPlaces = this.places;
    const textBefore = this.tree?.text ?? '';
    const { gone, added } = replacedStatements(this.statements, tree.statements);
    this.tree = tree;
    this.statements = tree.statements;
    this.places = places;
    for (const statement of gone) this.unindex(statement);
    for (const statement of added) this.index(statement);
    if (key !== this.key) {
      this.key = key;
      this.kept.clear();
      return false;
    }
    const findingsChanged = placesChanged(previousPlaces, places);
    if (gone.length === 0 && added.length === 0) return !findingsChanged;
    if (this.anyModuleLevel(gone) || this.anyModuleLevel(added)) {
      this.kept.clear();
      return false;
    }
    const names = new Set<string>();
    for (const statement of gone) for (const name of this.namesOf(statement).keys()) names.add(name);
    for (const statement of added) for (const name of this.namesOf(statement).keys()) names.add(name);
    const edit = new EditReads(names, gone, added, findingsChanged, previousPlaces, places);
    const removed = new Set(gone);
    let dropped = false;
    // One statement replaced by an inner reparse: what its verdicts read is told apart more finely (see refine).
    const inner = gone.length === 1 && added.length === 1 ? takeInnerEditForRefinement(added[0]) : undefined;
    const verdicts = inner?.from === gone[0] ? this.kept.get(gone[0]) : undefined;
    const across: InnerEditAcross | undefined = inner && verdicts ? { edit: inner, from: gone[0], to: added[0], verdicts, othersKept: true, textBefore } : undefined;
    this.acrossInnerEdit = across;
    for (const [anchor, byShape] of this.kept) {
      if (removed.has(anchor)) {
        this.kept.delete(anchor);
        dropped = true;
        continue;
      }
      for (const byName of byShape.values()) {
        for (const [name, { reads }] of byName) {
          if (!edit.stale(reads)) continue;
          byName.delete(name);
          dropped = true;
          if (across) across.othersKept = false;
        }
      }
    }
    return !dropped && !findingsChanged;
  }

  /**
   * Indexes a statement under the names it mentions, and under MODULE_STATEMENTS when it can import (loops, not a
   * generator made per statement and keystroke).
   */
  private index(statement: ts.Statement): void {
    const names = this.namesOf(statement);
    for (const name of names.keys()) this.indexUnder(name, statement);
    if (canImport(statement, names)) this.indexUnder(MODULE_STATEMENTS, statement);
  }

  private indexUnder(name: string, statement: ts.Statement): void {
    const statements = this.naming.get(name);
    if (statements) statements.add(statement);
    else this.naming.set(name, new Set([statement]));
  }

  private unindex(statement: ts.Statement): void {
    const names = this.namesOf(statement);
    for (const name of names.keys()) this.naming.get(name)?.delete(statement);
    if (canImport(statement, names)) this.naming.get(MODULE_STATEMENTS)?.delete(statement);
  }

  private anyModuleLevel(statements: readonly ts.Statement[]): boolean {
    for (const statement of statements) if (this.isModuleLevel(statement)) return true;
    return false;
  }

  /** Imports, `require`s and exports: the checks read them without looking them up by name. */
  private isModuleLevel(statement: ts.Statement): boolean {
    return isImportLike(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || this.namesOf(statement).has('require');
  }

  /**
   * Where a finding sits. The incremental analysis hands back the same finding object while neither it nor its
   * statement moved, so its shape (a JSON text) is kept with the object and made again only when its anchor moved.
   */
  private placeOf(tree: ts.SourceFile, finding: Finding, index: number): Place | undefined {
    const anchor = statementAt(tree.statements, finding.range.start);
    if (!anchor) return undefined;
    const known = this.shapeKnown(finding);
    if (known?.anchorPos === anchor.pos) return { anchor, shape: known.shape, rule: finding.ruleId };
    // A copy moved with its statement: the same place in it, so the same shape (made again for every finding after
    // each keystroke, it was a JSON text per finding that grew with the file).
    const origin = movedFrom(finding);
    const before = origin && this.shapeKnown(origin);
    if (before && before.anchorPos - origin.range.start === anchor.pos - finding.range.start) {
      shapes.set(finding, { owner: this, anchorPos: anchor.pos, shape: before.shape });
      return { anchor, shape: before.shape, rule: finding.ruleId };
    }
    const shape = this.shapeLikeBefore(finding, index, anchor.pos) ?? shapeOf(finding, anchor.pos);
    shapes.set(finding, { owner: this, anchorPos: anchor.pos, shape });
    // Known for the copies to come, whose anchor lies as far before them.
    if (origin) shapes.set(origin, { owner: this, anchorPos: anchor.pos - finding.range.start + origin.range.start, shape });
    return { anchor, shape, rule: finding.ruleId };
  }

  /**
   * The shape of a finding made anew (a statement detected again: typing in a function makes its findings anew on every
   * keystroke) from that of the finding at its index before, when the two are the same apart from their ranges: the
   * shape's text apart from its offsets is theirs. Comparing them is cheaper than writing the finding as JSON again.
   */
  private shapeLikeBefore(finding: Finding, index: number, anchorPos: number): string | undefined {
    const before = this.last?.findings[index];
    const shape = before && this.places.length === this.last!.findings.length ? this.places[index]?.shape : undefined;
    if (!shape || !sameApartFromRange(before!, finding)) return undefined;
    workCounters.findingShapesReused++;
    return withOffsets(shape, finding.range.start - anchorPos, finding.range.end - anchorPos);
  }

  /** The shape this instance made for a finding. */
  private shapeKnown(finding: Finding): { anchorPos: number; shape: string } | undefined {
    const known = shapes.get(finding);
    return known?.owner === this ? known : undefined;
  }

  /** The identifiers of a statement that name something (references and declarations; not property names). */
  private namesOf(statement: ts.Statement): StatementReferences {
    const kept = namesOfStatement.get(statement);
    let names = kept?.owner === this ? kept.names : undefined;
    if (!names) {
      // Kept here even when the analysis has them: it forgets a statement once an edit replaced it, when its names are still needed.
      const known = this.knownNames?.(statement);
      if (known) knowStatementReferences(statement, known); // for the checks that count references in it too
      else workCounters.nameWalks++;
      names = known ?? statementReferences(statement);
      namesOfStatement.set(statement, { owner: this, names });
    }
    return names;
  }
}

/** The edit of one top-level statement by inner reparses, its statement's verdicts before, and what became of them. */
interface InnerEditAcross {
  edit: InnerEditForRefinement;
  from: ts.Statement;
  to: ts.Statement;
  verdicts: VerdictsByShape;
  /** The text of the tree `from` is in (the last refined). */
  textBefore: string;
  /** No verdict of another statement was dropped. */
  othersKept: boolean;
  /** The shapes the findings of `to` had in `from` (see verdictsAcrossInnerEdit). */
  earlierShapes?: ReadonlyMap<Finding, string>;
}

/**
 * Whether the findings are those of before, in order: each in the same place, or (in the statement the inner reparses
 * made) where its earlier shape puts it in the statement it was made from.
 */
function sameAcross(across: InnerEditAcross, before: ReadonlyArray<Place | undefined>, now: ReadonlyArray<Place | undefined>, findings: readonly Finding[]): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) { // a loop, not a closure made per keystroke (see EditReads)
    const place = now[i];
    const earlier = before[i];
    if (!place || !earlier) return false;
    const same = place.anchor !== across.to
      ? earlier.anchor === place.anchor && earlier.shape === place.shape
      : earlier.anchor === across.from && earlier.shape === across.earlierShapes?.get(findings[i]);
    if (!same) return false;
  }
  return true;
}

/**
 * What refining gives `now` when it gave `refinedBefore` for `before`, a finding of the same shape at the same index
 * (the same object, or a copy moved with its statement), every verdict kept: the assessment is the same, so is what
 * refining changed of the finding (its fixability, message and data), and the rest is the finding's own.
 */
function carriedOver(refinedBefore: Finding, before: Finding, now: Finding): Finding {
  if (refinedBefore === before) return now;
  if (now === before) return refinedBefore;
  return findingWith(now, {
    ruleId: changed(refinedBefore, before, 'ruleId'), severity: changed(refinedBefore, before, 'severity'), category: changed(refinedBefore, before, 'category'),
    message: changed(refinedBefore, before, 'message'), equivalent: changed(refinedBefore, before, 'equivalent'),
    fixable: changed(refinedBefore, before, 'fixable'), data: changed(refinedBefore, before, 'data'),
  });
}

/** What refining made of a field, when it changed it (a module function, not a closure per finding: see EditReads). */
function changed<K extends keyof Finding>(refined: Finding, before: Finding, key: K): Finding[K] | undefined {
  return refined[key] !== before[key] ? refined[key] : undefined;
}

/** The references (`isReference`) in a statement by name, in document order: the names it mentions are the keys. */
type StatementReferences = ReadonlyMap<string, readonly ts.Identifier[]>;

/** The references in a statement by name, when known without walking it. */
export type StatementNames = (statement: ts.Statement) => StatementReferences | undefined;

/** Settles these statements of a tree whose positions under its statements may lag behind, or all of them. */
export type Settle = (statements?: Iterable<ts.Statement>) => void;

/**
 * Settles what a check that runs again reads, as it starts reading it: its finding's statement, the statements that
 * mention a name it looks up file-wide, those holding a finding when it reads the findings, the whole tree when it
 * walks the whole file (or when its finding has no statement). Each statement and the whole tree at most once.
 */
function settlingReads(settle: Settle, places: ReadonlyArray<Place | undefined>, naming: (name: string) => Iterable<ts.Statement> | undefined): ReadObserver & { statement(anchor: ts.Statement | undefined): void } {
  let all = false;
  const settled = new Set<ts.Statement>();
  const settleSome = (statements: Iterable<ts.Statement>) => {
    if (all) return;
    const fresh = [...statements].filter((statement) => !settled.has(statement));
    for (const statement of fresh) settled.add(statement);
    if (fresh.length > 0) settle(fresh);
  };
  const wholeFile = () => {
    if (all) return;
    all = true;
    settle();
  };
  return {
    statement: (anchor) => (anchor ? settleSome([anchor]) : wholeFile()),
    name: (name) => settleSome(naming(name) ?? []),
    findings: () => settleSome(places.flatMap((place) => (place ? [place.anchor] : []))),
    wholeFile,
  };
}

/** Whether a finding has no place, or another anchor or shape than the one at its index had. */
function placesChanged(before: ReadonlyArray<Place | undefined>, now: ReadonlyArray<Place | undefined>): boolean {
  if (before.length !== now.length) return true;
  for (let i = 0; i < now.length; i++) {
    const place = now[i];
    if (!place || place.anchor !== before[i]?.anchor || place.shape !== before[i]?.shape) return true;
  }
  return false;
}

/**
 * What one edit (the top-level statements it replaced, the names they mention, the findings before and after) can
 * have changed of what a kept verdict's check read. A class, not closures made per edit (V8 keeps a closure's
 * optimised code only while one of its closures lives: they were compiled again after every full collection).
 */
class EditReads {
  /** By rule, answered for the rules kept verdicts read the findings of (most read none): not every rule of the file grouped. */
  private readonly rulesChanged = new Map<string, boolean>();
  private readonly countAnswers = new Map<string, Map<PlainUse, boolean>>();

  constructor(
    private readonly names: ReadonlySet<string>, private readonly gone: readonly ts.Statement[], private readonly added: readonly ts.Statement[],
    private readonly findingsChanged: boolean, private readonly before: ReadonlyArray<Place | undefined>, private readonly now: ReadonlyArray<Place | undefined>,
  ) {}

  stale(reads: CheckReads): boolean {
    return reads.wholeFile || (reads.findings && this.findingsChanged) || mentionsAny(reads.names, this.names)
      || (this.findingsChanged && this.anyRuleChanged(reads.findingRules))
      || countChanged(reads.counted, this.names, this.gone, this.added, this.countAnswers);
  }

  private anyRuleChanged(rules: ReadonlySet<string>): boolean {
    if (rules.size === 0) return false;
    for (const rule of rules) {
      let changed = this.rulesChanged.get(rule);
      if (changed === undefined) this.rulesChanged.set(rule, (changed = ruleChanged(rule, this.before, this.now)));
      if (changed) return true;
    }
    return false;
  }
}

/** Whether `names` has any of `lookedUp` (a loop: this runs for every kept verdict on each keystroke). */
function mentionsAny(lookedUp: ReadonlySet<string>, names: { has(name: string): boolean }): boolean {
  for (const name of lookedUp) if (names.has(name)) return true;
  return false;
}

/**
 * Whether the edit changed what a check read of a name's references by their count (CheckReads.counted): the
 * statements it replaced hold a different number of them before and after, or one that is not plain. Answered once
 * per name and use test for one edit (`answers`), however many kept verdicts counted that name.
 */
function countChanged(
  counted: ReadonlyMap<string, PlainUse>, mentioned: ReadonlySet<string>, gone: readonly ts.Statement[], added: readonly ts.Statement[],
  answers: Map<string, Map<PlainUse, boolean>>,
): boolean {
  for (const [name, plain] of counted) {
    if (!mentioned.has(name)) continue;
    let byTest = answers.get(name);
    if (!byTest) answers.set(name, (byTest = new Map()));
    let changed = byTest.get(plain);
    if (changed === undefined) {
      const before = plainCount(gone, name, plain);
      changed = before === undefined || before !== plainCount(added, name, plain);
      byTest.set(plain, changed);
    }
    if (changed) return true;
  }
  return false;
}

/** How many references to `name` the statements hold, or undefined when one of them is not plain. */
function plainCount(statements: readonly ts.Statement[], name: string, plain: PlainUse): number | undefined {
  let count = 0;
  for (const statement of statements) {
    for (const use of statementReferencesTo(statement, name)) {
      if (!plain(use)) return undefined;
      count++;
    }
  }
  return count;
}

/**
 * Whether an edit changed the findings of a rule (CheckReads.findingRules): they are not, in order, in the same places
 * as before; or a finding has no place (its rule unknown). Loops over the two lists, no grouping of every rule.
 */
export function ruleChanged(rule: string, before: ReadonlyArray<Place | undefined>, after: ReadonlyArray<Place | undefined>): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < before.length && before[i] !== undefined && before[i]!.rule !== rule) i++;
    while (j < after.length && after[j] !== undefined && after[j]!.rule !== rule) j++;
    const a = before[i];
    const b = after[j];
    if (i === before.length || j === after.length) return i !== before.length || j !== after.length || hasNoPlace(before, i) || hasNoPlace(after, j);
    if (!a || !b) return true;
    if (a.anchor !== b.anchor || a.shape !== b.shape) return true;
    i++;
    j++;
  }
}

/** Whether a place from `from` on is undefined (a finding with no place: its rule, unknown, may be any). */
function hasNoPlace(places: ReadonlyArray<Place | undefined>, from: number): boolean {
  for (let i = from; i < places.length; i++) if (!places[i]) return true;
  return false;
}

/** Whether a statement can import (indexed under MODULE_STATEMENTS): an import, or one that mentions `require`. */
function canImport(statement: ts.Statement, names: StatementReferences): boolean {
  return ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement) || names.has('require');
}

/** The index entry of the statements that can import (no identifier has this text). */
const MODULE_STATEMENTS = ' imports';

function inOrder(statements: Iterable<ts.Statement>): ts.Statement[] {
  return [...statements].sort((a, b) => a.pos - b.pos);
}

/**
 * What every kept verdict depends on: the input apart from its text, and how often the file-wide property names occur
 * in it. The text made for the last input is given again while its parts are the same (the settings and package
 * objects by identity: the editor makes new ones when they change), not made anew on every keystroke.
 */
class VerdictKey {
  private last: { parts: KeyParts; locale: string; fileWide: readonly number[]; key: string } | undefined;

  of(input: FixInput, fileWide: readonly number[]): string {
    const locale = currentLocale();
    const last = this.last;
    if (last && sameKeyParts(last.parts, input) && last.locale === locale && sameCounts(last.fileWide, fileWide)) return last.key;
    const key = JSON.stringify([input.languageId, input.fileName ?? null, input.workspaceRelativePath ?? null, input.settings, input.packageContext ?? null, locale, fileWide]);
    // The parts kept, not the input: it holds the text.
    const { languageId, fileName, workspaceRelativePath, settings, packageContext } = input;
    this.last = { parts: { languageId, fileName, workspaceRelativePath, settings, packageContext }, locale, fileWide, key };
    return key;
  }
}

/** The parts of a FixInput the verdict key is made of (all of it but the text). */
type KeyParts = Pick<FixInput, 'languageId' | 'fileName' | 'workspaceRelativePath' | 'settings' | 'packageContext'>;

function sameKeyParts(a: KeyParts, b: KeyParts): boolean {
  return a.languageId === b.languageId && a.fileName === b.fileName && a.workspaceRelativePath === b.workspaceRelativePath
    && a.settings === b.settings && a.packageContext === b.packageContext;
}

function sameCounts(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

import ts from '../../typescript';
import { mayMentionBedrock } from '../../catalog/modelIds';
import { currentLocale } from '../../l10n';
import type { AnalyzeInput, Finding, ScriptLanguage } from '../../types';
import { Bindings } from '../bindings';
import { parseScript } from '../parse';
import { runDetectors } from '../runDetectors';
import { scanNodes } from '../scanNodes';
import { applySuppressions, mayHaveSuppressions } from '../suppression';
import { staleStatements } from './staleStatements';
import { inheritQuietness, type QuietFunction, quietFunction } from './quietFunction';
import { NameIndex } from './nameIndex';
import { StatementIndex } from './statementIndex';
import type { AnchoredFinding, StatementScan, StatementSummary } from './statementSummary';
import { StatementResults } from './statementResults';
import { nextTree, nextTreeAfter } from './nextTree';
import { type DerivedScan, derivedScan } from './derivedScan';
import { type InnerPlan, planInnerDetection, stayedInside, withKeptOutcomes } from './innerDetection';
import type { Replacement } from './statementsReparse';
import { settleStatement, settleTree } from './shiftNodes';
import { replacedStatements, topLevelStatementOf } from '../topLevelStatements';
import { workCounters } from '../../workCounters';
import { type FindingDraft, findingWith } from '../../finding';
import { recordMove } from '../../findingMoves';
import { knownChange, textIncludes } from '../../textPresence';
import { giveSlots } from '../../objectCache';

/** A tree whose positions under its top-level statements may lag behind, and what brings them up to date. */
export interface LazyTree {
  tree: ts.SourceFile;
  /** Settles these statements of the tree, or all of them. */
  settle(statements?: Iterable<ts.Statement>): void;
  /**
   * The references (`isReference`) in a statement of the tree by name, in document order, from the analysis's own
   * walk of it; undefined for others.
   */
  referencesOf(statement: ts.Statement): ReadonlyMap<string, readonly ts.Identifier[]> | undefined;
}

/**
 * The script analysis of one document across its versions, giving exactly what `analyzeScript` gives for each
 * text, but re-parsing incrementally (`nextTree`: only the edited statement, else `ts.updateSourceFile`; both reuse
 * every node the edit does not touch) and
 * re-running the detectors only for the top-level statements an edit can affect. Everything else is kept per
 * statement node: the parser hands back the same node object for an untouched statement, only moved.
 *
 * One instance per document; it keeps the latest tree (TypeScript's incremental parse invalidates the previous one).
 */
export class IncrementalScriptAnalysis {
  private tree: ts.SourceFile | undefined;
  private treeKey = '';
  private resultKey = '';
  private summaries = new Map<ts.Statement, StatementSummary>();
  /** The statements of the tree last summarised, in order (undefined before the first: see replacedStatements). */
  private statements: readonly ts.Statement[] | undefined;
  private names = new NameIndex();
  /** Statements whose last result links them to other statements. */
  private linking = new Set<ts.Statement>();
  /** Statements whose last result claimed nodes. */
  private claiming = new Set<ts.Statement>();
  /**
   * Statements whose last result reported findings, with those findings: collecting them visits these, not every
   * statement of the file (nor looks each up among the summaries).
   */
  private reporting = new Map<ts.Statement, AnchoredFinding[]>();
  /** `reporting`'s findings in document order, until `reporting` changes (kept statements keep their order). */
  private reportingInOrder: AnchoredFinding[][] | undefined;
  /** The symbol tracker, recording and forgetting statement by statement as they come and go. */
  private bindings = new Bindings();
  /** The string scans of this settings and locale (see ScriptContext.stringScans). */
  private readonly stringScans = new Map<string, readonly FindingDraft[]>();

  /**
   * `change`: the edits that made `input.text` from `change.from`, when the caller knows them (a rewrite pass): if
   * `from` is the text last analysed, only the statements they touch are parsed again, however far apart.
   */
  analyze(input: AnalyzeInput, change?: { from: string; edits: readonly Replacement[] }): Finding[] {
    if (!mayMentionBedrock(input.text) || input.token?.isCancellationRequested) return [];
    const tree = this.parse(input, change);
    const resultKey = `${currentLocale()}\n${JSON.stringify(input.settings)}`;
    const settingsChanged = resultKey !== this.resultKey;
    if (settingsChanged) {
      for (const summary of this.summaries.values()) summary.result = undefined;
      this.stringScans.clear();
      this.resultKey = resultKey;
    }
    const { added, removed } = this.summarize(tree);
    const index = new StatementIndex(tree.statements);
    const bindings = this.bindingsFor(added, removed);
    // Kept statements have no result after a settings change: all run again.
    const quiet = settingsChanged ? undefined : quietFunction(added, removed, this.summaries);
    if (!this.rerun(tree, bindings, index, settingsChanged ? tree.statements : added, removed, input, quiet)) {
      this.reset(); // a cancelled run leaves statements without results; start afresh next time
      return [];
    }
    const findings = this.collectFindings();
    if (!mayHaveSuppressions(findings, tree.text, (needle) => textIncludes(input, needle))) return findings;
    settleTree(tree); // the directives are found by a walk of the whole tree
    return applySuppressions(findings, tree);
  }

  /**
   * The tree of the text last analysed (undefined before the first analysis, after a reset, or when the text was
   * skipped), every position in it exact: what consumers that may read anywhere in the tree use.
   */
  get currentTree(): ts.SourceFile | undefined {
    if (this.tree) settleTree(this.tree);
    return this.tree;
  }

  /**
   * The tree of the text last analysed with the positions under its top-level statements possibly lagging behind
   * (shiftNodes.ts), and how to settle them: for a consumer that reads inside statements only after settling them.
   */
  get lazyTree(): LazyTree | undefined {
    const tree = this.tree;
    return tree && {
      tree,
      settle: (statements) => {
        if (!statements) settleTree(tree);
        else for (const statement of statements) settleStatement(statement);
      },
      referencesOf: (statement) => this.summaries.get(statement)?.scan.references,
    };
  }

  /**
   * The statements of the tree last analysed that mention `name` as a reference (`isReference`, as `namesOf` gives
   * them), in document order: from the name index, without a walk.
   */
  statementsNaming(name: string): ts.Statement[] {
    const users = this.names.usersOf(name);
    if (!users) return [];
    const statements: ts.Statement[] = [];
    for (const { statement } of users) if (this.summaries.get(statement)?.scan.references.has(name)) statements.push(statement);
    return statements.sort((a, b) => a.pos - b.pos);
  }

  /** The scan kept for a statement of the tree last analysed: what a test compares with a fresh scan of it. */
  scanOf(statement: ts.Statement): StatementScan | undefined {
    return this.summaries.get(statement)?.scan;
  }

  /**
   * The symbol tracker as the last analysis left it, resolving in `lazyTree` (its statements recorded between
   * versions): what a test compares with a tracker made fresh for the same text.
   */
  get symbolTracker(): Bindings | undefined {
    return this.tree && this.bindings;
  }

  /** Forgets the tree and every summary. */
  reset(): void {
    this.tree = undefined;
    this.forgetSummaries();
  }

  private forgetSummaries(): void {
    this.summaries = new Map();
    this.statements = undefined;
    this.names = new NameIndex();
    this.linking = new Set();
    this.claiming = new Set();
    this.reporting = new Map();
    this.reportingInOrder = undefined;
    this.bindings = new Bindings();
  }

  private parse(input: AnalyzeInput, change?: { from: string; edits: readonly Replacement[] }): ts.SourceFile {
    const treeKey = `${input.languageId}\n${input.fileName ?? ''}`;
    const previous = this.tree;
    const parse = (text: string, setParentNodes?: boolean) => parseScript(text, input.languageId as ScriptLanguage, input.fileName, setParentNodes);
    const known = previous && change && previous.text === change.from ? change.edits : undefined;
    const next = !previous || treeKey !== this.treeKey ? undefined
      : known ? nextTreeAfter(previous, input.text, known, parse) : nextTree(previous, input.text, parse, knownChange(input, previous.text));
    if (next) {
      this.tree = next;
      return next;
    }
    this.forgetSummaries();
    this.treeKey = treeKey;
    workCounters.fileReparses++;
    workCounters.freshParses++;
    // No parent pointers from the parser (its walk for them costs about half the parse): `summarize` walks every
    // statement of a fresh tree, setting them below each; the top level's are set here.
    const tree = parseScript(input.text, input.languageId as ScriptLanguage, input.fileName, false);
    for (const statement of tree.statements) (statement as { parent: ts.Node }).parent = tree;
    (tree.endOfFileToken as { parent: ts.Node }).parent = tree;
    this.tree = tree;
    return tree;
  }

  /**
   * Summaries for the statements the parser made anew; drops those of statements that are gone. Only the run of
   * statements between the unchanged head and tail of the list is looked at (the parser keeps the others).
   */
  private summarize(tree: ts.SourceFile): { added: Set<ts.Statement>; removed: Map<ts.Statement, StatementSummary> } {
    const { gone, added: fresh } = replacedStatements(this.statements, tree.statements);
    const removed = new Map<ts.Statement, StatementSummary>();
    this.derived = undefined;
    for (const statement of gone) {
      const summary = this.summaries.get(statement);
      if (!summary) continue;
      removed.set(statement, summary);
      this.summaries.delete(statement);
      this.linking.delete(statement);
      this.claiming.delete(statement);
      if (this.reporting.delete(statement)) this.reportingInOrder = undefined;
    }
    const added = new Set<ts.Statement>();
    for (const statement of fresh) {
      if (this.summaries.has(statement)) continue;
      // Each statement gets the slots of the values cached on statements now (objectCache.ts): at a document's open,
      // every statement would otherwise be read without them, where typing reads all but the one it reparsed with them.
      giveSlots(statement, 'statement');
      // A statement an inner reparse made: from the one it replaced, and the two runs of statements only.
      const derived = derivedScan(statement, (from) => removed.get(from)?.scan);
      const scan = derived?.scan ?? scanNodes(statement, { identifiers: true }) as StatementScan;
      this.summaries.set(statement, { scan, visibleNames: new Set(), visibleBindingNodes: new Set(), recordedWhole: false });
      if (derived) {
        this.derived = { statement, derived };
        this.names.handOver(derived.edit.from, statement, derived.added.identifiers, scan.identifiers);
        inheritQuietness(derived.edit.from, statement, derived.edit.added, derived.added.bindingNodes, derived.edit.removed, derived.removed.bindingNodes);
      } else {
        this.names.add(statement, scan.identifiers);
      }
      added.add(statement);
    }
    // After the hand-overs: a statement handed over is no longer listed, and its removal does nothing.
    for (const [statement, summary] of removed) this.names.remove(statement, summary.scan.identifiers);
    this.statements = tree.statements;
    return { added, removed };
  }

  /** The statement an inner reparse made in this version, if any, with its derived scan (the last one, if several). */
  private derived: { statement: ts.Statement; derived: DerivedScan } | undefined = undefined;

  /** The summary whose statement the symbol tracker is recording, and whether the node recorded made a name visible. */
  private recordingVisible: StatementSummary | undefined = undefined;
  private sawVisibleName = false;

  /** The symbol tracker's hooks: made once per analysis, not per keystroke (a closure made per keystroke is compiled again after every full collection). */
  private readonly recordVisibleName = (name: string): void => {
    this.recordingVisible!.visibleNames.add(name);
    this.sawVisibleName = true;
  };

  private readonly recordStatementEntered = (node: ts.Node): void => {
    const statement = topLevelStatementOf(node);
    if (!statement) return;
    settleStatement(statement); // a detector may report at what it resolves
    const summary = this.summaries.get(statement);
    if (!summary || summary.recordedWhole) return;
    summary.recordedWhole = true;
    workCounters.statementsBound++;
    for (const inner of summary.scan.bindingNodes) if (!summary.visibleBindingNodes.has(inner)) this.bindings.collect(inner, statement);
  };

  /**
   * The symbol tracker brought to this version: gone statements' records forgotten, new statements recorded whole
   * (learning which of their nodes other statements can see). A kept statement keeps what it recorded: those visible
   * nodes, and the rest once a resolution has entered it (recordedWhole). What was resolved before is forgotten.
   */
  private bindingsFor(added: ReadonlySet<ts.Statement>, removed: ReadonlyMap<ts.Statement, StatementSummary>): Bindings {
    const bindings = this.bindings;
    // Gone first: TypeScript's incremental parse can reuse a gone statement's inner nodes in a new one.
    for (const statement of removed.keys()) bindings.forget(statement);
    bindings.newVersion();
    bindings.onVisibleName = this.recordVisibleName;
    for (const statement of added) {
      const summary = this.summaries.get(statement)!;
      this.recordingVisible = summary;
      for (const node of summary.scan.bindingNodes) {
        this.sawVisibleName = false;
        bindings.collect(node, statement);
        if (this.sawVisibleName) summary.visibleBindingNodes.add(node);
      }
      summary.recordedWhole = true;
    }
    this.recordingVisible = undefined;
    bindings.onVisibleName = undefined;
    workCounters.statementsBound += added.size;
    bindings.beforeResolving = this.recordStatementEntered;
    return bindings;
  }

  /**
   * Runs the detectors for the statements an edit can affect (and for any statement a run turns out to touch,
   * with everything linked to it). False when cancelled.
   */
  private rerun(
    tree: ts.SourceFile, bindings: Bindings, index: StatementIndex,
    changed: Iterable<ts.Statement>, removed: ReadonlyMap<ts.Statement, StatementSummary>, input: AnalyzeInput, quiet?: QuietFunction,
  ): boolean {
    const context = { summaries: this.summaries, removed, names: this.names, linking: this.linking, quiet };
    let stale = staleStatements(changed, context);
    let mayKeep = true;
    for (;;) {
      const claimed = new Set<ts.Node>();
      for (const statement of this.claiming) {
        if (!stale.has(statement)) for (const node of this.summaries.get(statement)!.result?.claims ?? []) claimed.add(node);
      }
      // In document order (stale holds current statements only): sorted, not filtered out of the whole file.
      const order = [...stale].sort((a, b) => a.pos - b.pos);
      for (const statement of order) settleStatement(statement);
      workCounters.statementsReanalysed += order.length;
      // One statement (as a keystroke makes): what each candidate produced is kept, for the next version to keep.
      const hooks = new StatementResults(order, index, order.length === 1);
      const plan = mayKeep && order.length === 1 ? this.innerPlan(order[0], removed) : undefined;
      mayKeep = false;
      const groups: Array<ReadonlyMap<ts.SyntaxKind, readonly ts.Node[]>> = []; // pushed, not mapped: packed as at open (an optimised .map makes a holey array)
      if (plan) groups.push(plan.candidates);
      else for (const statement of order) groups.push(this.summaries.get(statement)!.scan.candidates);
      const findings = runDetectors(groups, {
        sourceFile: tree, bindings, settings: input.settings, token: input.token, claimed, hooks, stringScans: this.stringScans,
      });
      const results = hooks.results;
      if (!findings) return false;
      if (plan) {
        const fresh = results.get(order[0])!;
        // The run's candidates reached a kept node: their outcomes may depend on the kept ones' order; run it whole.
        if (!stayedInside(fresh.outcomes!, plan)) continue;
        withKeptOutcomes(fresh, plan, index, order[0]); // the index, not a closure made per keystroke
        workCounters.candidatesKept += plan.keptCount;
      }
      for (const [statement, fresh] of results) {
        this.summaries.get(statement)!.result = fresh;
        if (fresh.links.size > 0) this.linking.add(statement);
        else this.linking.delete(statement);
        if (fresh.claims.length > 0) this.claiming.add(statement);
        else this.claiming.delete(statement);
        if (fresh.findings.length > 0) {
          this.reporting.set(statement, fresh.findings);
          this.reportingInOrder = undefined;
        } else if (this.reporting.delete(statement)) {
          this.reportingInOrder = undefined;
        }
      }
      const escaped: ts.Statement[] = [];
      for (const fresh of results.values()) for (const statement of fresh.links) if (!stale.has(statement)) escaped.push(statement);
      if (escaped.length === 0) return true;
      // A run touched a statement outside the set: run again with it and everything linked to it.
      stale = staleStatements([...stale, ...escaped], context);
    }
  }

  /** How to run a statement an inner reparse made in this version, keeping what the edit cannot change (innerDetection.ts). */
  private innerPlan(statement: ts.Statement, removed: ReadonlyMap<ts.Statement, StatementSummary>): InnerPlan | undefined {
    const derived = this.derived;
    // Only the statement typed in was replaced: the kept outcomes' links name statements still there.
    if (derived?.statement !== statement || removed.size !== 1) return undefined;
    const previous = removed.get(derived.derived.edit.from)?.result;
    return planInnerDetection(statement, this.summaries.get(statement)!.scan, derived.derived, previous);
  }

  /**
   * Every statement's findings, moved to where its anchor statement is now, in document order (the statements that
   * report any, ordered by position: a keystroke does not visit the thousands of others).
   */
  private collectFindings(): Finding[] {
    const findings: Finding[] = [];
    const reporting = this.reportingInOrder ??= this.sortedReporting();
    workCounters.statementsCollected += reporting.length;
    for (const anchoredFindings of reporting) {
      for (const anchored of anchoredFindings) {
        const delta = anchored.anchor.pos - anchored.anchorPos;
        if (delta !== 0) {
          const { range } = anchored.finding;
          const moved = findingWith(anchored.finding, { range: { start: range.start + delta, end: range.end + delta } });
          recordMove(moved, anchored.finding);
          anchored.finding = moved;
          anchored.anchorPos = anchored.anchor.pos;
        }
        findings.push(anchored.finding);
      }
    }
    return findings;
  }

  private sortedReporting(): AnchoredFinding[][] {
    const inOrder: AnchoredFinding[][] = [];
    for (const statement of [...this.reporting.keys()].sort((a, b) => a.pos - b.pos)) inOrder.push(this.reporting.get(statement)!);
    return inOrder;
  }
}

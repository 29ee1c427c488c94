import ts from '../../typescript';
import { findingWith } from '../../finding';
import type { AnchoredFinding, CandidateOutcome, StatementResult, StatementScan } from './statementSummary';
import type { DerivedScan } from './derivedScan';
import type { StatementIndex } from './statementIndex';

/** How to run the detectors over a statement an inner reparse made, keeping the outcomes the edit cannot change. */
export interface InnerPlan {
  /** The candidates to run: those of the run of statements put in, and the copies of the nodes on the way down. */
  candidates: Map<ts.SyntaxKind, ts.Node[]>;
  /** The previous version's outcomes of candidates outside the run and off the way down. */
  kept: CandidateOutcome[];
  /** Candidates handed to no detector. */
  keptCount: number;
  added: ReadonlySet<ts.Statement>;
}

type Place = 'removed' | 'path' | 'inside' | 'outside';

/**
 * The plan for `statement`, made by an inner reparse of the statement whose result was `previous`; undefined when
 * the candidates outside the replaced run could be affected by it, as far as can be told without running them:
 *
 * - what the symbol tracker resolves depends on a run of statements only through what it declares (a lookup of the
 *   same name from elsewhere in the statement), assigns, returns, or passes to a call (a promise's `resolve(x)`):
 *   neither run (the one taken out, the one put in) may return, yield, assign or call, nor declare a name the rest of
 *   the statement refers to (what a run only refers to changes nothing outside it);
 * - a kept outcome may not have touched (claimed, checked) a node of the run taken out or of the way down to it, and
 *   must have reported in its own statement within its candidate (its findings move with it);
 * - detectors read a candidate's ancestors only for their kinds and the expressions around it, not into a block's
 *   other statements (audited: detectStrings, detectCommands, detectAggregatedCalls, detectProviderOptions, detectApiKey).
 *
 * What the run's candidates touch is checked after the run (`stayedInside`).
 */
export function planInnerDetection(statement: ts.Statement, scan: StatementScan, derived: DerivedScan, previous: StatementResult | undefined): InnerPlan | undefined {
  const outcomes = previous?.outcomes;
  if (!outcomes) return undefined;
  const { edit } = derived;
  if (mayChangeMeanings(edit.removed) || mayChangeMeanings(edit.added)) return undefined;
  if (mentionedElsewhere(declaredNames(derived.removed), scan, derived) || mentionedElsewhere(declaredNames(derived.added), scan, derived)) return undefined;
  const removed = new Set<ts.Node>(edit.removed);
  const kept: CandidateOutcome[] = [];
  for (const outcome of outcomes) {
    const place = placeOf(outcome.candidate, removed, edit.copies, statement);
    if (place === 'removed' || place === 'path') {
      // Run again now; a kept outcome may have seen what it claimed or checked only if that lay outside the run.
      for (const node of outcome.touched) {
        if (node !== outcome.candidate && placeOf(node, removed, edit.copies, statement) !== 'removed') return undefined;
      }
      continue;
    }
    if (outcome.strays) return undefined;
    for (const node of outcome.touched) {
      const touched = placeOf(node, removed, edit.copies, statement);
      if (touched === 'removed' || touched === 'path') return undefined;
    }
    kept.push(outcome);
  }
  const copies = new Set(edit.copies.values());
  const candidates = new Map<ts.SyntaxKind, ts.Node[]>();
  let all = 0;
  let run = 0;
  for (const [kind, nodes] of scan.candidates) {
    all += nodes.length;
    const list: ts.Node[] = [];
    // Document order, as the whole statement's list: the copies (outer first) come before the run they lead to.
    for (const node of nodes) if (copies.has(node)) list.push(node);
    for (const node of derived.added.candidates.get(kind) ?? []) list.push(node);
    if (list.length > 0) candidates.set(kind, list);
    run += list.length;
  }
  return { candidates, kept, keptCount: all - run, added: new Set(edit.added) };
}

/**
 * Whether what the run's candidates touched (claimed, checked) lies in the run put in or is the candidate itself: then
 * neither they nor the kept outcomes saw the other's claims, and the order they ran in does not matter.
 */
export function stayedInside(outcomes: readonly CandidateOutcome[], plan: InnerPlan): boolean {
  for (const outcome of outcomes) {
    for (const node of outcome.touched) {
      if (node === outcome.candidate) continue;
      let inside = false;
      for (let current: ts.Node | undefined = node; current && !inside; current = current.parent) inside = plan.added.has(current as ts.Statement);
      if (!inside) return false;
    }
  }
  return true;
}

/**
 * Where a node of the previous version lies now: in the run taken out, on the way down to it (replaced by a copy),
 * inside the new statement (kept: its parent chain reaches the copies), or outside the statement.
 */
function placeOf(node: ts.Node, removed: ReadonlySet<ts.Node>, copies: ReadonlyMap<ts.Node, ts.Node>, statement: ts.Statement): Place {
  if (copies.has(node)) return 'path';
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (removed.has(current)) return 'removed';
    // An old node on the way down reached from below: only the run taken out still has the old nodes as parents.
    if (copies.has(current)) return 'removed';
    if (current === statement) return 'inside';
  }
  return 'outside';
}

/**
 * The names a run declares (a superset: every identifier in a declaration's name, binding patterns' keys and
 * defaults too). What it only refers to changes no meaning elsewhere: it neither declares nor assigns it.
 */
function declaredNames(run: StatementScan): Set<string> {
  const names = new Set<string>();
  for (const node of run.bindingNodes) {
    if (node.kind === ts.SyntaxKind.BinaryExpression) continue; // an assignment: the run is not kept (mayChangeMeanings)
    const name = (node as ts.NamedDeclaration).name;
    walking.length = 0;
    walking.push(name && !isImport(node) ? name : node);
    while (walking.length > 0) {
      const current = walking.pop()!;
      if (ts.isIdentifier(current)) names.add(current.text);
      else ts.forEachChild(current, pushWalking);
    }
  }
  return names;
}

function isImport(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.ImportDeclaration || node.kind === ts.SyntaxKind.ImportEqualsDeclaration;
}

/** Whether a name of the run is referred to elsewhere in the statement (outside the run put in). */
function mentionedElsewhere(names: Iterable<string>, scan: StatementScan, derived: DerivedScan): boolean {
  for (const name of names) {
    const all = scan.references.get(name)?.length ?? 0;
    if (all > (derived.added.references.get(name)?.length ?? 0)) return true;
  }
  return false;
}

/** Whether statements return, yield, assign or call anything: what may change a meaning outside them. */
function mayChangeMeanings(statements: readonly ts.Statement[]): boolean {
  walking.length = 0;
  for (const statement of statements) walking.push(statement);
  while (walking.length > 0) {
    const node = walking.pop()!;
    switch (node.kind) {
      case ts.SyntaxKind.ReturnStatement:
      case ts.SyntaxKind.YieldExpression:
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression:
      case ts.SyntaxKind.TaggedTemplateExpression:
      case ts.SyntaxKind.Decorator:
        return true;
      case ts.SyntaxKind.BinaryExpression: {
        const operator = (node as ts.BinaryExpression).operatorToken.kind;
        if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) return true;
        break;
      }
    }
    ts.forEachChild(node, pushWalking);
  }
  return false;
}

/**
 * The nodes the two walks above have still to visit, filled by one module function: no closure made per node
 * visited on every keystroke (neither walk calls the other).
 */
const walking: ts.Node[] = [];

function pushWalking(child: ts.Node): undefined {
  walking.push(child);
  return undefined;
}

/**
 * Adds the kept outcomes to the result of the run over the plan's candidates: their claims and links, and their
 * findings moved with their candidates, all findings in the order a run over the whole statement reports them.
 */
export function withKeptOutcomes(fresh: StatementResult, plan: InnerPlan, anchors: StatementIndex, statement: ts.Statement): void {
  const outcomes = fresh.outcomes!;
  for (const old of plan.kept) {
    const outcome: CandidateOutcome = { candidate: old.candidate, findings: [], claims: old.claims, touched: old.touched, links: old.links, strays: false };
    // Each finding a new object, as a run would make it: what the refinement knew of the old one (made in the
    // function before the edit) is not carried to it (findingMoves.ts).
    for (const { anchored, step, offset } of old.findings) {
      const previous = anchored.finding;
      if (offset === undefined) { // in another statement: moved with it when collected
        outcome.findings.push({ anchored: { finding: findingWith(previous, {}), anchor: anchored.anchor, anchorPos: anchored.anchorPos }, step, offset });
        continue;
      }
      const start = old.candidate.pos + offset;
      const finding = findingWith(previous, { range: { start, end: start + previous.range.end - previous.range.start } });
      const anchor = anchors.at(start) ?? statement;
      outcome.findings.push({ anchored: { finding, anchor, anchorPos: anchor.pos }, step, offset });
    }
    for (const node of old.claims) fresh.claims.push(node);
    for (const linked of old.links) fresh.links.add(linked);
    outcomes.push(outcome);
  }
  const reported: Reported[] = [];
  for (const outcome of outcomes) for (const { anchored, step } of outcome.findings) reported.push({ anchored, step, candidate: outcome.candidate });
  reported.sort(inReportOrder);
  const findings: AnchoredFinding[] = []; // pushed, not mapped: one hidden class whether optimised or not
  for (const entry of reported) findings.push(entry.anchored);
  fresh.findings = findings;
}

interface Reported { anchored: AnchoredFinding; step: number; candidate: ts.Node }

/**
 * A whole run reports step by step, each step's candidates in document order (an outer node before the nodes in it).
 * A module function, not a closure made per keystroke.
 */
function inReportOrder(a: Reported, b: Reported): number {
  return a.step - b.step || a.candidate.pos - b.candidate.pos || b.candidate.end - a.candidate.end;
}

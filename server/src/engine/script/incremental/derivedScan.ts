import type ts from '../../typescript';
import { ObjectCache } from '../../objectCache';
import { scanNodes } from '../scanNodes';
import { workCounters } from '../../workCounters';
import type { StatementScan } from './statementSummary';

/** How an inner reparse (innerStatementReparse.ts) made a top-level statement from the one before. */
export interface InnerEdit {
  /** The top-level statement it replaced. */
  from: ts.Statement;
  /** The run of statements taken out of a block of it, and the run put in (both starting at `runPos`). */
  removed: readonly ts.Statement[];
  added: readonly ts.Statement[];
  runPos: number;
  /** The nodes on the way down to that block, with their copies in the new statement. */
  copies: ReadonlyMap<ts.Node, ts.Node>;
}

/** Kept on the new statement until its summary is made (one at a time: a statement's record goes when the next is made from it). */
const innerEdits = new ObjectCache<ts.Statement, InnerEdit>('innerEdit', 'statement');

export function recordInnerEdit(statement: ts.Statement, edit: InnerEdit): void {
  innerEdits.delete(edit.from);
  innerEdits.set(statement, edit);
}

/**
 * The scan of `statement` made from the scan of the statement it was made from (`scanOf`, when an inner reparse
 * made it) and scans of the two runs only: the old lists with the old run's nodes replaced by the new run's,
 * the nodes on the way down replaced by their copies, in document order as `scanNodes` gives them. Undefined when
 * the statement was not made so (or the lists are not as expected): then it is scanned whole.
 *
 * The identifiers are a superset: the old run's names stay (a name may still occur elsewhere in the statement). They
 * only tell which statements may depend on a name (a few more run again), and they are made exact by a whole scan
 * once they have grown well past the names the statement refers to.
 */
export function derivedScan(statement: ts.Statement, scanOf: (from: ts.Statement) => StatementScan | undefined): DerivedScan | undefined {
  const edit = innerEdits.get(statement);
  if (!edit) return undefined;
  innerEdits.delete(statement);
  const before = scanOf(edit.from);
  if (!before || before.identifiers.size > 2 * before.references.size + 32) return undefined;
  const removed = scanOfRun(edit.removed, false);
  const added = scanOfRun(edit.added, true);
  const bindingNodes = splice(edit, before.bindingNodes, removed.bindingNodes, added.bindingNodes);
  const copiedKinds = new Set<ts.SyntaxKind>();
  for (const node of edit.copies.keys()) copiedKinds.add(node.kind);
  const candidates = spliceGroups(edit, before.candidates, removed.candidates, added.candidates, copiedKinds);
  const references = spliceGroups(edit, before.references, removed.references, added.references, undefined); // identifiers: never copied
  if (!bindingNodes || !candidates || !references) return undefined;
  // The old statement's set, grown: it is gone, and its summary's set is read no more (the name index hands its
  // entries over to the new statement, nameIndex.ts).
  const identifiers = before.identifiers;
  for (const name of added.identifiers) identifiers.add(name);
  workCounters.scansDerived++;
  return { scan: { bindingNodes, candidates, identifiers, references }, edit, added, removed };
}

/** A scan made by `derivedScan`, with the edit it followed and the scans of the run put in and of the run taken out. */
export interface DerivedScan {
  scan: StatementScan;
  edit: InnerEdit;
  added: StatementScan;
  removed: StatementScan;
}

/**
 * The old list with the old run's nodes (`out`) replaced by the new run's (`into`), the nodes before them by their
 * copies if any; undefined when `out` is not where the run was.
 */
function splice<T extends ts.Node>(edit: InnerEdit, list: readonly T[], out: readonly T[], into: readonly T[]): T[] | undefined {
  let head = 0;
  while (head < list.length && list[head].pos < edit.runPos) head++;
  for (let i = 0; i < out.length; i++) if (list[head + i] !== out[i]) return undefined;
  const result: T[] = [];
  for (let i = 0; i < head; i++) result.push((edit.copies.get(list[i]) as T | undefined) ?? list[i]);
  for (const node of into) result.push(node);
  for (let i = head + out.length; i < list.length; i++) result.push(list[i]);
  return result;
}

/**
 * Each group's list spliced (groups left empty dropped, as `scanNodes` makes none). A group neither run has, whose
 * key no copied node has (`copiedKeys`), is the old list itself: its nodes are all kept (lists are never changed once
 * made, so the old scan and the new one may share it).
 */
function spliceGroups<K, T extends ts.Node>(
  edit: InnerEdit, before: ReadonlyMap<K, T[]>, removed: ReadonlyMap<K, T[]>, added: ReadonlyMap<K, T[]>, copiedKeys: ReadonlySet<K> | undefined,
): Map<K, T[]> | undefined {
  const groups = new Map<K, T[]>();
  for (const [key, list] of before) {
    const out = removed.get(key);
    const into = added.get(key);
    if (!out && !into && !copiedKeys?.has(key)) {
      groups.set(key, list);
      continue;
    }
    const spliced = splice(edit, list, out ?? NONE, into ?? NONE);
    if (!spliced) return undefined;
    if (spliced.length > 0) groups.set(key, spliced);
  }
  for (const [key, list] of added) if (!before.has(key)) groups.set(key, list);
  for (const key of removed.keys()) if (!before.has(key)) return undefined; // the old lists did not hold the old run's nodes
  return groups;
}

const NONE: readonly never[] = [];

/**
 * The scan of a statement an inner reparse put in, kept with it: while typing, the run one keystroke puts in is the
 * run the next one takes out, which is then not walked again. A scan holds nodes, not positions: it stays exact as
 * the statement moves.
 */
const runScans = new ObjectCache<ts.Statement, StatementScan>('runScan', 'statement');

/** The scans of a run of statements, joined in document order (`keep`: each statement's kept with it). */
function scanOfRun(statements: readonly ts.Statement[], keep: boolean): StatementScan {
  const run: StatementScan = { bindingNodes: [], candidates: new Map(), identifiers: new Set(), references: new Map() };
  for (const statement of statements) {
    let scan = runScans.get(statement);
    if (!scan) {
      scan = scanNodes(statement, { identifiers: true }) as StatementScan;
      if (keep) runScans.set(statement, scan);
    }
    run.bindingNodes.push(...scan.bindingNodes);
    for (const [kind, nodes] of scan.candidates) append(run.candidates, kind, nodes);
    for (const name of scan.identifiers) run.identifiers.add(name);
    for (const [name, identifiers] of scan.references) append(run.references, name, identifiers);
  }
  return run;
}

function append<K, T>(groups: Map<K, T[]>, key: K, items: readonly T[]): void {
  const list = groups.get(key);
  if (list) list.push(...items);
  else groups.set(key, [...items]);
}

import ts from '../../typescript';
import { ObjectCache } from '../../objectCache';
import { workCounters } from '../../workCounters';

interface Positioned {
  pos: number;
  end: number;
}

/**
 * Every node and node list under a statement (JSDoc included, as TypeScript's incremental parser moves it), kept
 * while the statement object lives: a statement the parser keeps is the same object with the same nodes under it,
 * and while typing the same statements after the edit move on every keystroke. A flat loop over them costs about
 * half of a walk with `ts.forEachChild`.
 */
const flattened = new ObjectCache<ts.Node, Positioned[]>('flattened', 'statement');

/**
 * Top-level statements moved by `moveStatement` whose inner nodes have not followed yet, with how far they lag.
 * Absent: every node under the statement is where it belongs.
 */
const lagging = new ObjectCache<ts.Node, number>('lagging', 'statement');

/** Moves a node and everything under it by `delta` characters. */
export function shiftNode(node: ts.Node, delta: number): void {
  if (delta === 0) return;
  const items = itemsOf(node);
  shiftItems(items, 0, delta);
}

/**
 * Moves a node and everything under it by `delta` characters, then starts it at `pos`, with the nodes and lists that
 * started where it did (its leading trivia changed: the first token of each is where it was, moved).
 */
export function restartNode(node: ts.Node, delta: number, pos: number): void {
  const items = itemsOf(node);
  const start = node.pos + delta;
  shiftItems(items, 0, delta);
  for (const item of items) if (item.pos === start) item.pos = pos;
}

/**
 * Moves a subtree just parsed without parent pointers by `delta` characters and sets those pointers under it: one
 * walk for both, where the parser's walk for the parents and `shiftNode` made two (and kept a flat list of the nodes
 * that a statement typed in is replaced before it ever needs: `itemsOf` makes it if the statement moves later).
 */
export function placeParsed(root: ts.Node, delta: number): void {
  placing.delta = delta;
  placing.parent = undefined;
  placing.moved = 0;
  placeNode(root);
  if (delta !== 0) workCounters.nodesMoved += placing.moved;
}

/**
 * The walk of placeParsed: how far it moves, the node whose children are being visited, how many it moved. Read by
 * module functions, not closures made per walk (V8 keeps a closure's optimised code only while one of its closures
 * lives: closures made per keystroke were compiled again after every full collection; issue #13).
 */
const placing: { delta: number; parent: ts.Node | undefined; moved: number } = { delta: 0, parent: undefined, moved: 0 };

function placeNode(node: ts.Node): void {
  const parent = placing.parent;
  if (parent) (node as Mutable<ts.Node>).parent = parent;
  (node as Positioned).pos += placing.delta;
  (node as Positioned).end += placing.delta;
  placing.moved++;
  placing.parent = node;
  ts.forEachChild(node, placeNode, placeList);
  const jsDoc = (node as { jsDoc?: ts.Node[] }).jsDoc;
  if (jsDoc) for (const comment of jsDoc) placeNode(comment);
  placing.parent = parent;
}

function placeList(list: ts.NodeArray<ts.Node>): void {
  (list as unknown as Positioned).pos += placing.delta;
  (list as unknown as Positioned).end += placing.delta;
  placing.moved++;
  for (const child of list) placeNode(child);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves a top-level statement by `delta` characters, leaving the nodes under it where they are until
 * `settleStatement` (issue #13: moving the ~60,000 nodes after the edit was most of a keystroke in a large file,
 * and most statements are not looked into before the next keystroke moves them again). The statement's own `pos`
 * and `end` are exact at once: lookups by offset, the findings' anchors and the refinement's places read only those.
 */
export function moveStatement(statement: ts.Statement, delta: number): void {
  if (delta === 0) return;
  lagging.set(statement, (lagging.get(statement) ?? 0) + delta);
  (statement as Positioned).pos += delta;
  (statement as Positioned).end += delta;
  workCounters.statementsMoved++;
}

/** Brings the nodes under a top-level statement to where the statement is (a no-op when they are already). */
export function settleStatement(statement: ts.Statement): void {
  const delta = lagging.get(statement);
  if (delta === undefined) return;
  lagging.delete(statement);
  shiftItems(itemsOf(statement), 1, delta); // the statement itself (item 0) has moved already
}

/**
 * Settles every statement of a tree: what any consumer that may read positions anywhere in the tree (TypeScript's
 * incremental parse, a whole-file walk, a fix check) calls first. Afterwards the tree equals a fresh parse.
 */
export function settleTree(tree: ts.SourceFile): void {
  for (const statement of tree.statements) settleStatement(statement);
}

function itemsOf(node: ts.Node): Positioned[] {
  let items = flattened.get(node);
  if (!items) {
    items = flatten(node);
    flattened.set(node, items);
  }
  return items;
}

function shiftItems(items: Positioned[], from: number, delta: number): void {
  if (delta === 0) return;
  for (let i = from; i < items.length; i++) {
    const item = items[i];
    item.pos += delta;
    item.end += delta;
  }
  workCounters.nodesMoved += items.length - from;
}

function flatten(node: ts.Node): Positioned[] {
  const items: Positioned[] = [];
  flattening.items = items;
  flattenNode(node);
  flattening.items = [];
  return items;
}

/** The list flatten fills, for its module functions (not closures made per walk: see `placing`). */
const flattening: { items: Positioned[] } = { items: [] };

function flattenNode(node: ts.Node): void {
  flattening.items.push(node as unknown as Positioned);
  ts.forEachChild(node, flattenNode, flattenList);
  const jsDoc = (node as { jsDoc?: ts.Node[] }).jsDoc;
  if (jsDoc) for (const comment of jsDoc) flattenNode(comment);
}

function flattenList(list: ts.NodeArray<ts.Node>): void {
  flattening.items.push(list as unknown as Positioned);
  for (const child of list) flattenNode(child);
}

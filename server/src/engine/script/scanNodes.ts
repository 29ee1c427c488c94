import ts from '../typescript';
import { BINDING_KINDS } from './bindings';
import { SCRIPT_DETECTORS } from './detectors';
import { isReference } from './references';

const BINDS = 1;
const WANTED = 2;
const WANTED_KINDS = new Set(SCRIPT_DETECTORS.flatMap((detector) => detector.kinds));

/** Per syntax kind: 1 when the symbol tracker records such nodes, 2 when a detector wants them (an array read per node, not two set lookups). */
const KIND_ROLES = (() => {
  const roles = new Uint8Array(ts.SyntaxKind.Count);
  for (const kind of BINDING_KINDS) roles[kind] |= BINDS;
  for (const kind of WANTED_KINDS) roles[kind] |= WANTED;
  return roles;
})();

/** What one walk over a subtree gathers for the symbol tracker and the detectors, in document order. */
export interface NodeScan {
  /** Nodes the symbol tracker records (declarations, parameters, assignments). */
  bindingNodes: ts.Node[];
  /** Nodes each detector wants, by kind. */
  candidates: Map<ts.SyntaxKind, ts.Node[]>;
  /** Every identifier's text: what names the subtree can depend on (filled only when asked for). */
  identifiers?: Set<string>;
  /**
   * Of those, the ones naming something (`isReference`), by name in document order: what the fixability refinement
   * indexes statements by and what its checks count (filled with them).
   */
  references?: Map<string, ts.Identifier[]>;
}

/**
 * One iterative walk (no recursion, so deep nesting cannot overflow our stack) that groups the nodes the
 * symbol tracker and the detectors want. It also sets every node's parent pointer, so the parser need not
 * make a walk of its own for them (that walk costs about as much as half the parse).
 */
export function scanNodes(root: ts.Node, options: { identifiers?: boolean } = {}): NodeScan {
  const scan: NodeScan = {
    bindingNodes: [], candidates: new Map(), identifiers: options.identifiers ? new Set() : undefined,
    references: options.identifiers ? new Map() : undefined,
  };
  const stack: ts.Node[] = [root];
  walk.stack = stack;
  while (stack.length > 0) {
    const node = stack.pop()!;
    walk.parent = node;
    const roles = KIND_ROLES[node.kind];
    if (roles & BINDS) scan.bindingNodes.push(node);
    if (roles & WANTED) {
      const list = scan.candidates.get(node.kind);
      if (list) list.push(node);
      else scan.candidates.set(node.kind, [node]);
    }
    if (scan.identifiers && node.kind === ts.SyntaxKind.Identifier) {
      const identifier = node as ts.Identifier;
      scan.identifiers.add(identifier.text);
      if (isReference(identifier)) { // its parent was set when it was pushed
        const same = scan.references!.get(identifier.text);
        if (same) same.push(identifier);
        else scan.references!.set(identifier.text, [identifier]);
      }
    }
    const before = stack.length;
    ts.forEachChild(node, pushChild);
    // Children were pushed in order; reverse them so they pop in document order.
    reverseTail(stack, before);
  }
  walk.parent = undefined; // the stack is empty: nothing of the tree is kept
  return scan;
}

/**
 * The walk's stack and the node whose children are being pushed, for pushChild: one function of the module, not a
 * closure made per walk (V8 keeps a closure's optimised code only while one of its closures lives: a closure made per
 * keystroke was compiled again after every full collection; issue #13). No walk starts inside another.
 */
const walk: { stack: ts.Node[]; parent: ts.Node | undefined } = { stack: [], parent: undefined };

function pushChild(child: ts.Node): void {
  (child as { parent: ts.Node }).parent = walk.parent!;
  walk.stack.push(child);
}

function reverseTail(stack: ts.Node[], from: number): void {
  for (let i = from, j = stack.length - 1; i < j; i++, j--) {
    const tmp = stack[i];
    stack[i] = stack[j];
    stack[j] = tmp;
  }
}

import ts from '../../typescript';

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
const flattened = new WeakMap<ts.Node, Positioned[]>();

/** Moves a node and everything under it by `delta` characters. */
export function shiftNode(node: ts.Node, delta: number): void {
  if (delta === 0) return;
  let items = flattened.get(node);
  if (!items) {
    items = flatten(node);
    flattened.set(node, items);
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    item.pos += delta;
    item.end += delta;
  }
}

function flatten(node: ts.Node): Positioned[] {
  const items: Positioned[] = [];
  const visitNode = (current: ts.Node): void => {
    items.push(current as unknown as Positioned);
    ts.forEachChild(current, visitNode, visitList);
    const jsDoc = (current as { jsDoc?: ts.Node[] }).jsDoc;
    if (jsDoc) for (const comment of jsDoc) visitNode(comment);
  };
  const visitList = (list: ts.NodeArray<ts.Node>): void => {
    items.push(list as unknown as Positioned);
    for (const child of list) visitNode(child);
  };
  visitNode(node);
  return items;
}

import type { Node } from 'web-tree-sitter';
import { pythonParser } from '../../../python/pythonParser';
import type { OffsetRange } from '../../../types';

/** Parses Python text, runs `work` on the root, frees the tree. Undefined when the parser is not ready. */
export function withPythonTree<T>(text: string, work: (root: Node) => T): T | undefined {
  const tree = pythonParser()?.parse(text);
  if (!tree) return undefined;
  try {
    return work(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The smallest node of `type` that covers `range` exactly or contains it. */
export function nodeAt(root: Node, range: OffsetRange, type: string): Node | undefined {
  let node: Node | null = root.descendantForIndex(range.start, Math.max(range.start, range.end - 1));
  while (node && !(node.type === type && node.startIndex <= range.start && node.endIndex >= range.end)) node = node.parent;
  return node ?? undefined;
}

/** The call whose callee is exactly `range` (operation findings point at `client.invoke_model`). */
export function callWithCallee(root: Node, range: OffsetRange): Node | undefined {
  const call = nodeAt(root, range, 'call');
  const callee = call?.childForFieldName('function');
  return callee && callee.startIndex === range.start && callee.endIndex === range.end ? call : undefined;
}

/** The statement a call belongs to, and the name its result is assigned to (`response = client.converse(...)`). */
export function statementOf(call: Node): { statement: Node; resultName: string | undefined } {
  let node: Node = call;
  while (node.parent && node.parent.type !== 'module' && node.parent.type !== 'block') node = node.parent;
  let resultName: string | undefined;
  const assignment = call.parent?.type === 'assignment' ? call.parent : call.parent?.type === 'await' && call.parent.parent?.type === 'assignment' ? call.parent.parent : undefined;
  const left = assignment?.childForFieldName('left');
  if (left?.type === 'identifier') resultName = left.text;
  return { statement: node, resultName };
}

/** The quote character the snippet uses most for strings, for text the fix writes. */
export function quoteStyle(root: Node, source: string): string {
  let single = 0;
  let double = 0;
  for (const node of root.descendantsOfType('string_start')) {
    if (!node) continue;
    const quote = source.charAt(node.endIndex - 1);
    if (quote === "'") single++;
    else if (quote === '"') double++;
  }
  return single > double ? "'" : '"';
}

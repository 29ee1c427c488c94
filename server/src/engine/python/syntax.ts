import type { Node } from 'web-tree-sitter';

// Small, read-only helpers over tree-sitter-python nodes. Offsets are UTF-16 code units, like the text.

export function children(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/** `a`, `a.b.c` → the dotted text; anything else (calls, subscripts) → undefined. */
export function dottedName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = dottedName(node.childForFieldName('object'));
    const attribute = node.childForFieldName('attribute');
    return object && attribute ? `${object}.${attribute.text}` : undefined;
  }
  return undefined;
}

/** The value of a plain string literal (no f-string interpolation); implicit concatenation is joined. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = children(node).map(stringValue);
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  let value = '';
  for (const child of children(node)) {
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content' || child.type === 'escape_sequence') value += child.text;
  }
  return value;
}

/** Range of a string literal's contents, between its quotes. */
export function stringContentRange(node: Node): { start: number; end: number } {
  const open = node.children.find((child) => child?.type === 'string_start');
  const close = node.children.find((child) => child?.type === 'string_end');
  return { start: open?.endIndex ?? node.startIndex, end: close?.startIndex ?? node.endIndex };
}

export function positionalArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  return children(args).filter((child) => child.type !== 'keyword_argument' && child.type !== 'comment'
    && child.type !== 'list_splat' && child.type !== 'dictionary_splat');
}

export function keywordArguments(call: Node): Map<string, { node: Node; value: Node }> {
  const result = new Map<string, { node: Node; value: Node }>();
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return result;
  for (const child of children(args)) {
    if (child.type !== 'keyword_argument') continue;
    const name = child.childForFieldName('name');
    const value = child.childForFieldName('value');
    if (name && value) result.set(name.text, { node: child, value });
  }
  return result;
}

/** True when the call passes `*args` or `**kwargs`, whose contents are unknown. */
export function hasSplat(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  return !!args && children(args).some((child) => child.type === 'list_splat' || child.type === 'dictionary_splat');
}

/** Nodes in document order, without recursion (deeply nested text cannot overflow the stack). */
export function* walk(root: Node): Generator<Node> {
  const cursor = root.walk();
  try {
    for (;;) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

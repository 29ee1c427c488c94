import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../fixTypes';
import { children } from '../../../python/syntax';
import { indentationAt } from '../lineEdits';

/** Adds a keyword argument after the last one, on its own line when the arguments are one per line. */
export function appendArgument(call: Node, text: string, argument: string): TextEdit | undefined {
  const list = call.childForFieldName('arguments');
  const args = list ? children(list).filter((child) => child.type !== 'comment') : [];
  const last = args[args.length - 1];
  if (!list || !last) return undefined;
  const onePerLine = args[0].startPosition.row > list.startPosition.row;
  const trailingComma = text.slice(last.endIndex, list.endIndex - 1).trimStart().startsWith(',');
  if (onePerLine) {
    const indent = indentationAt(text, last.startIndex);
    const at = trailingComma ? text.indexOf(',', last.endIndex) + 1 : last.endIndex;
    return { range: { start: at, end: at }, newText: `${trailingComma ? '' : ','}\n${indent}${argument}${trailingComma ? ',' : ''}` };
  }
  return { range: { start: last.endIndex, end: last.endIndex }, newText: `, ${argument}` };
}

/** Renames a keyword argument (`body=` → `Body=`), keeping its value as written. */
export function renameKeyword(keyword: Node | undefined, newName: string): TextEdit | undefined {
  const name = keyword?.childForFieldName('name');
  return name ? { range: { start: name.startIndex, end: name.endIndex }, newText: newName } : undefined;
}

import type ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { endOfLine, startOfLine } from './nodes';

// Edits to comma-separated lists (import specifiers, destructuring, object literal properties) that keep each
// element's comments with it: in a one-element-per-line list, a removed element goes with its whole line.

/** True when the list puts its elements on their own lines. */
export function isMultiLine(context: FixContext, elements: readonly ts.Node[]): boolean {
  const first = elements[0];
  return Boolean(first) && context.text.slice(startOfLine(context.text, first.getStart(context.sourceFile)), first.getStart(context.sourceFile)).trim() === ''
    && context.text.slice(first.parent.getStart(context.sourceFile), first.getStart(context.sourceFile)).includes('\n');
}

/** The element alone on its line (with its comma and a trailing comment): the range of that whole line. */
function ownLine(context: FixContext, element: ts.Node): { start: number; end: number } | undefined {
  const start = element.getStart(context.sourceFile);
  const lineStart = startOfLine(context.text, start);
  if (context.text.slice(lineStart, start).trim() !== '') return undefined;
  const lineEnd = endOfLine(context.text, element.getEnd());
  const rest = context.text.slice(element.getEnd(), lineEnd);
  return /^\s*,?\s*(\/\/[^\n]*|\/\*.*?\*\/\s*)?\r?\n?$/.test(rest) ? { start: lineStart, end: lineEnd } : undefined;
}

export function removeElements(context: FixContext, elements: readonly ts.Node[], removed: ReadonlySet<ts.Node>, hasTrailingComma: boolean): void {
  let lastKept = -1;
  elements.forEach((element, index) => {
    if (!removed.has(element)) lastKept = index;
  });
  if (lastKept < 0) {
    if (elements.length > 0) context.replace({ start: elements[0].getStart(context.sourceFile), end: elements[elements.length - 1].getEnd() }, '');
    return;
  }
  const lines = isMultiLine(context, elements) ? elements.map((element) => ownLine(context, element)) : [];
  if (lines.length > 0 && lines.every(Boolean)) {
    for (const [index, element] of elements.entries()) if (removed.has(element)) context.replace(lines[index]!, '');
    // Without a trailing-comma style, the new last element must not keep its comma.
    if (lastKept < elements.length - 1 && !hasTrailingComma) removeCommaAfter(context, elements[lastKept]);
    return;
  }
  elements.forEach((element, index) => {
    if (!removed.has(element)) return;
    if (index < lastKept) context.replace({ start: element.getStart(context.sourceFile), end: elements[index + 1].getStart(context.sourceFile) }, '');
    else if (index === lastKept + 1) context.replace({ start: elements[lastKept].getEnd(), end: elements[elements.length - 1].getEnd() }, '');
  });
}

/** Appends elements after the last kept one: on new lines in a multi-line list, after `, ` otherwise. */
export function appendElements(context: FixContext, elements: readonly ts.Node[], lastKept: ts.Node, texts: readonly string[], hasTrailingComma: boolean): void {
  if (texts.length === 0) return;
  const { eol } = context.style;
  if (!isMultiLine(context, elements)) {
    context.insert(lastKept.getEnd(), texts.map((text) => `, ${text}`).join(''));
    return;
  }
  const first = elements[0].getStart(context.sourceFile);
  const indent = context.text.slice(startOfLine(context.text, first), first);
  if (!hasCommaAfter(context, lastKept)) context.insert(lastKept.getEnd(), ',');
  const lines = texts.map((text, index) => `${indent}${text}${index < texts.length - 1 || hasTrailingComma ? ',' : ''}`);
  context.insert(endOfLine(context.text, lastKept.getEnd()), lines.join(eol) + eol);
}

function hasCommaAfter(context: FixContext, element: ts.Node): boolean {
  return /^\s*,/.test(context.text.slice(element.getEnd()));
}

function removeCommaAfter(context: FixContext, element: ts.Node): void {
  const match = /^\s*,/.exec(context.text.slice(element.getEnd()));
  if (match) context.replace({ start: element.getEnd() + match[0].length - 1, end: element.getEnd() + match[0].length }, '');
}

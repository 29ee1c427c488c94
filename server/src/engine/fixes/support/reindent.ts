import ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { startOfLine } from './nodes';

/**
 * Removes `width` columns of indentation from every line of `node` after its first, so a construct that moved
 * up to its statement's line keeps a tidy shape. Lines that start inside a template literal are content and are
 * never touched; nothing happens unless every other line has that much indentation.
 */
export function dedentContinuationLines(context: FixContext, node: ts.Node, width: number): void {
  if (width <= 0) return;
  const { text, sourceFile } = context;
  const starts: number[] = [];
  for (let newline = text.indexOf('\n', node.getStart(sourceFile)); newline >= 0 && newline < node.getEnd(); newline = text.indexOf('\n', newline + 1)) {
    starts.push(newline + 1);
  }
  const literals = templateRanges(node);
  const lines = starts.filter((start) => !literals.some((range) => range.start < start && start < range.end));
  if (!lines.every((start) => /^[ \t]*$/.test(text.slice(start, start + width)) || text.slice(start).match(/^[ \t]*(\r?\n|$)/))) return;
  for (const start of lines) {
    const available = /^[ \t]*/.exec(text.slice(start))![0].length;
    const remove = Math.min(width, available);
    if (remove > 0) context.replace({ start, end: start + remove }, '');
  }
}

function templateRanges(root: ts.Node): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) ranges.push({ start: node.getStart(), end: node.getEnd() });
    else ts.forEachChild(node, visit);
  };
  visit(root);
  return ranges;
}

/** Indentation width (in characters) of the line holding `position`. */
export function indentWidthAt(context: FixContext, position: number): number {
  const lineStart = startOfLine(context.text, position);
  return /^[ \t]*/.exec(context.text.slice(lineStart))![0].length;
}

import ts from '../typescript';
import type { Finding } from '../types';

export const IGNORE_NEXT_LINE = 'bedrock-to-sagemaker-ignore-next-line';
export const DISABLE_FILE = 'bedrock-to-sagemaker-disable';

/**
 * Applies `// bedrock-to-sagemaker-ignore-next-line` and `/* bedrock-to-sagemaker-disable *\/`. Comments come
 * from the parsed tree's trivia (so a directive inside a string or template does not count), and are only
 * looked for when the text mentions a directive at all.
 */
export function applySuppressions(findings: Finding[], sourceFile: ts.SourceFile): Finding[] {
  const text = sourceFile.text;
  if (!mayHaveSuppressions(findings, text)) return findings;
  const ignoredLines = new Set<number>();
  for (const comment of commentsOf(sourceFile)) {
    const body = text.slice(comment.pos, comment.end).replace(/^\/[/*]|\*\/$/g, '').trim();
    if (directiveIs(body, DISABLE_FILE)) return [];
    if (directiveIs(body, IGNORE_NEXT_LINE)) ignoredLines.add(sourceFile.getLineAndCharacterOfPosition(comment.end).line + 1);
  }
  if (ignoredLines.size === 0) return findings;
  return findings.filter((finding) => !ignoredLines.has(sourceFile.getLineAndCharacterOfPosition(finding.range.start).line));
}

/** False when `applySuppressions` keeps every finding without looking at the tree (the text names no directive). */
export function mayHaveSuppressions(
  findings: readonly Finding[], text: string, includes = (needle: string) => text.includes(needle),
): boolean {
  return findings.length > 0 && includes('bedrock-to-sagemaker-');
}

/** A directive may be followed by a reason: `// bedrock-to-sagemaker-ignore-next-line -- kept for the US build`. */
function directiveIs(body: string, directive: string): boolean {
  return body === directive || body.startsWith(directive + ' ');
}

/**
 * Every comment in the file, from the tree's trivia: leading comments (own line) and trailing ones (`x(); // ...`),
 * plus JSX comments (`{/* ... *\/}`). JSX text that merely looks like a comment is not one.
 */
function commentsOf(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const byPosition = new Map<number, ts.CommentRange>();
  const jsxText: ts.Node[] = [];
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) if (!byPosition.has(range.pos)) byPosition.set(range.pos, range);
  };
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isJsxText(node)) {
      jsxText.push(node);
      continue;
    }
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    if (ts.isJsxExpression(node) && !node.expression) {
      const afterBrace = node.getStart(sourceFile) + 1;
      add(ts.getTrailingCommentRanges(text, afterBrace));
      add(ts.getLeadingCommentRanges(text, afterBrace));
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  const comments = [...byPosition.values()];
  if (jsxText.length === 0) return comments;
  return comments.filter((comment) => !jsxText.some((node) => comment.pos >= node.pos && comment.pos < node.end));
}

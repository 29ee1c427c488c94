import type ts from '../../typescript';
import type { FixContext } from '../fixContext';
import { lineIndentAt } from '../style';
import { MIGRATION_TODO as TODO } from '../../catalog/migrationTodo';
import { enclosingStatement, startOfLine } from './nodes';
import { ObjectCache } from '../../objectCache';

/** The `// TODO(bedrock-to-sagemaker): ...` line the fixes write above a statement. */
export function todoLine(text: string): string {
  return `// ${TODO}: ${text}`;
}

/** Where a TODO for `node` goes: the start of its statement's line, and the indentation to use there. */
export function todoAnchor(context: FixContext, node: ts.Node): { position: number; indent: string } {
  const statement = enclosingStatement(node) ?? node;
  const start = statement.getStart(context.sourceFile);
  return { position: startOfLine(context.text, start), indent: lineIndentAt(context.text, start) };
}

/** The TODO comments stacked right above `position` (a line start), so a note is never written twice. */
export function todosAbove(text: string, position: number): string[] {
  const lines: string[] = [];
  let end = position;
  while (end > 0) {
    const start = startOfLine(text, end - 1);
    const line = text.slice(start, end).trim();
    if (!line.startsWith(`// ${TODO}:`)) break;
    lines.push(line);
    end = start;
  }
  return lines;
}

/** The TODOs written in a pass (on its context: see objectCache.ts). */
const written = new ObjectCache<FixContext, Set<string>>('todosWritten', 'fixContext');

/** Inserts a TODO comment on its own line above the statement holding `node`, unless it is already there. */
export function insertTodoAbove(context: FixContext, node: ts.Node, text: string): void {
  const { position, indent } = todoAnchor(context, node);
  const line = todoLine(text);
  const seen = written.get(context) ?? new Set<string>();
  written.set(context, seen);
  if (todosAbove(context.text, position).includes(line) || seen.has(`${position}:${line}`)) return;
  seen.add(`${position}:${line}`);
  context.insert(position, indent + line + context.style.eol);
}

import { type SimpleCommand, splitCommands } from './splitCommands';
import { type ShellDialect, type ShellNested, tokenizeShell } from './tokenizeShell';

// Substitutions nest (`$(aws ... $(cat x))`); real text never nests deeply, pathological text stops here.
const MAX_NESTING = 8;

/** Every simple command in shell text, including those inside `$(...)` and backticks, and the here-document bodies. */
export function shellCommands(text: string, dialect: ShellDialect): { commands: SimpleCommand[]; heredocs: ShellNested[] } {
  const commands: SimpleCommand[] = [];
  const heredocs: ShellNested[] = [];
  const visit = (from: number, to: number, depth: number) => {
    const tokens = tokenizeShell(text, dialect, from, to);
    commands.push(...splitCommands(tokens));
    for (const token of tokens) {
      if (token.kind === 'substitution' && depth < MAX_NESTING) visit(token.start, token.end, depth + 1);
      if (token.kind === 'heredoc') heredocs.push(token);
    }
  };
  visit(0, text.length, 0);
  return { commands, heredocs };
}

import { type ShellToken, type ShellWord, isRedirection } from './tokenizeShell';

/** One simple command: its words in order, without redirections and their targets. */
export interface SimpleCommand {
  words: ShellWord[];
}

// Words that run the command after them: `sudo aws ...`, `time aws ...`.
const PREFIX_COMMANDS = new Set(['sudo', 'time', 'env', 'command', 'exec', 'nohup', 'noglob']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Groups tokens into simple commands; `VAR=x`, `sudo`, `time` before the command name are dropped. */
export function splitCommands(tokens: readonly ShellToken[]): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: ShellWord[] = [];
  const flush = () => {
    if (words.length > 0) commands.push({ words: dropPrefixes(words) });
    words = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'word') {
      const next = tokens[i + 1];
      // `2>` written as a file-descriptor digit glued to the operator.
      if (next && isRedirection(next) && next.start === token.end && /^\d+$/.test(token.value)) continue;
      words.push(token);
    } else if (token.kind === 'operator') {
      if (isRedirection(token)) {
        if (tokens[i + 1]?.kind === 'word') i++;
      } else {
        flush();
      }
    }
  }
  flush();
  return commands.filter((command) => command.words.length > 0);
}

function dropPrefixes(words: ShellWord[]): ShellWord[] {
  let first = 0;
  while (first < words.length && (ASSIGNMENT.test(words[first].value) || PREFIX_COMMANDS.has(words[first].value))) first++;
  return words.slice(first);
}

/** The range of a word's value in the source (inside its quotes). */
export function valueRange(word: ShellWord): { start: number; end: number } {
  if (word.offsets.length === 0) return { start: word.start, end: word.end };
  return { start: word.offsets[0], end: word.offsets[word.offsets.length - 1] + 1 };
}

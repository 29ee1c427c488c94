import type { SimpleCommand } from './splitCommands';
import type { ShellWord } from './tokenizeShell';

/** `aws [global options] <service> <operation> [arguments]`, split into its parts. */
export interface AwsCommand {
  aws: ShellWord;
  service: ShellWord;
  operation: ShellWord | undefined;
  /** Words after the operation. */
  args: ShellWord[];
}

const GLOBAL_OPTIONS_WITH_VALUE = new Set([
  '--region', '--profile', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format',
]);

export function isAwsExecutable(word: string): boolean {
  const name = word.replace(/^.*[\\/]/, '').toLowerCase();
  return name === 'aws' || name === 'aws.exe' || name === 'aws.cmd';
}

export function parseAwsCommand(command: SimpleCommand): AwsCommand | undefined {
  const [first, ...rest] = command.words;
  if (!first || !isAwsExecutable(first.value)) return undefined;
  const positional: number[] = [];
  for (let i = 0; i < rest.length && positional.length < 2; i++) {
    const value = rest[i].value;
    if (value.startsWith('-')) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(value)) i++;
      continue;
    }
    positional.push(i);
  }
  if (positional.length === 0) return undefined;
  const operationIndex = positional[1];
  return {
    aws: first,
    service: rest[positional[0]],
    operation: operationIndex === undefined ? undefined : rest[operationIndex],
    args: operationIndex === undefined ? [] : rest.slice(operationIndex + 1),
  };
}

/** An option's value: `--flag value` or `--flag=value`. */
export interface CliOption {
  flag: ShellWord;
  /** The separate value word, when the value is not glued with `=`. */
  valueWord: ShellWord | undefined;
  value: string | undefined;
}

/** Options and positional words of an operation's arguments (every `--flag` is assumed to take a value unless followed by another flag). */
export function parseCliArguments(args: readonly ShellWord[]): { options: Map<string, CliOption>; positional: ShellWord[] } {
  const options = new Map<string, CliOption>();
  const positional: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (!word.value.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const equals = word.value.indexOf('=');
    if (equals > 0) {
      options.set(word.value.slice(0, equals), { flag: word, valueWord: undefined, value: word.value.slice(equals + 1) });
      continue;
    }
    const next = args[i + 1];
    const takesValue = next !== undefined && !next.value.startsWith('--') && !BOOLEAN_FLAGS.has(word.value);
    options.set(word.value, { flag: word, valueWord: takesValue ? next : undefined, value: takesValue ? next.value : undefined });
    if (takesValue) i++;
  }
  return { options, positional };
}

const BOOLEAN_FLAGS = new Set(['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt']);

import { scanValue } from '../catalog/scanValue';
import type { OffsetRange } from '../types';
import { detectAwsCli } from './detectAwsCli';
import { detectHttpClients } from './detectHttpClients';
import { detectInstallCommands } from './detectInstallCommands';
import type { EmbeddedContext } from '../embeddedContext';
import { maskPromptsAndOutput } from './prompts';
import { shellCommands } from './shellCommands';
import type { ShellDialect, ShellWord } from './tokenizeShell';

export interface ShellOptions {
  dialect: ShellDialect;
  /** A console transcript: only prompted lines (and their continuations) are commands. */
  transcript: boolean;
}

/**
 * Finds Bedrock CLI calls, HTTP calls to Bedrock hosts, installs of Bedrock packages and Bedrock strings in shell text
 * (offsets into `text`).
 */
export function analyzeShell(text: string, options: ShellOptions, context: EmbeddedContext): void {
  const runnable = maskPromptsAndOutput(text, options.transcript, options.dialect);
  const { commands, heredocs } = shellCommands(runnable, options.dialect);
  for (const command of commands) {
    const claimed = [...detectHttpClients(command, context), ...detectInstallCommands(command, context)];
    detectAwsCli(command, context);
    for (const word of command.words) scanWord(word, claimed, context);
  }
  for (const heredoc of heredocs) scanValue(runnable.slice(heredoc.start, heredoc.end), heredoc.start, context);
}

/** Model ids, ARNs, hosts and IAM actions in a word's value, mapped back through quotes and escapes. */
function scanWord(word: ShellWord, claimed: readonly OffsetRange[], context: EmbeddedContext): void {
  // A substitution is analysed as shell on its own; scanning it here too would report twice.
  if (word.value.includes('$(') || word.value.includes('`')) return;
  scanValue(word.value, 0, {
    settings: context.settings,
    report(draft) {
      const start = word.offsets[draft.range.start];
      const end = word.offsets[draft.range.end - 1] + 1;
      if (claimed.some((range) => start < range.end && range.start < end)) return;
      context.report({ ...draft, range: { start, end } });
    },
  });
}

/**
 * How Migrate Workspace applies its edit: every file directly, only some files directly, or through VS Code's
 * refactor preview (where the user ticks files).
 */
export type MigrationChoice = { mode: 'all' } | { mode: 'files'; uris: readonly string[] } | { mode: 'preview' };

/**
 * The command's optional argument, for tests and keybindings that skip the modal:
 * `{ apply: 'all' }`, `{ apply: 'preview' }` or `{ apply: ['file:///…', …] }`. Anything else (the command
 * palette passes nothing) is ignored, and the command asks.
 */
export function migrationChoiceFromArgument(argument: unknown): MigrationChoice | undefined {
  if (typeof argument !== 'object' || argument === null || !('apply' in argument)) return undefined;
  const { apply } = argument as { apply: unknown };
  if (apply === 'all' || apply === 'preview') return { mode: apply };
  if (Array.isArray(apply) && apply.every((uri) => typeof uri === 'string')) return { mode: 'files', uris: apply };
  return undefined;
}

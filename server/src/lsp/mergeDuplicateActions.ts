import type { CodeAction } from 'vscode-languageserver';

/**
 * Folds actions that would do the same thing into one carrying all their diagnostics. A file-level fix is
 * the preferred quick fix of several findings; a selection over all of them should list it once.
 */
export function mergeDuplicateActions(actions: readonly CodeAction[]): CodeAction[] {
  const merged = new Map<string, CodeAction>();
  for (const action of actions) {
    const key = JSON.stringify([action.kind, action.title, action.edit, action.command, action.disabled]);
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...action, diagnostics: [...(action.diagnostics ?? [])] });
    else existing.diagnostics = [...(existing.diagnostics ?? []), ...(action.diagnostics ?? [])];
  }
  return [...merged.values()];
}

import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleOf } from './diagnostics';
import { waitFor } from './waitFor';

/**
 * The preferred quick fix VS Code gets for the range of `diagnostic` (resolved, so `edit` is filled in).
 * The API command does not return each action's `diagnostics`, so the range is what ties them together.
 */
export async function preferredQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  // Asked again while the answer is empty: a request that meets a settings change on a loaded machine is
  // cancelled (VS Code then shows nothing until it asks again, as the light bulb does on the next move).
  let actions: vscode.CodeAction[] = [];
  return waitFor(`a preferred quick fix at ${ruleOf(diagnostic)}`, async () => {
    actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
    return actions.find((a) => a.isPreferred);
  }, { events: [vscode.languages.onDidChangeDiagnostics], describe: () => JSON.stringify(actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`)) });
}

/**
 * Applies an action the way the light bulb does: its edit as a refactoring (so VS Code's
 * files.refactoring.autoSave applies, as for Ctrl+.), then its command.
 */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit, { isRefactoring: true }), `edit of '${action.title}' applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

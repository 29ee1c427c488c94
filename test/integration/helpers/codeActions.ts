import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleOf } from './diagnostics';

/**
 * The preferred quick fix VS Code gets for the range of `diagnostic` (resolved, so `edit` is filled in).
 * The API command does not return each action's `diagnostics`, so the range is what ties them together.
 */
export async function preferredQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, `a preferred quick fix at ${ruleOf(diagnostic)}; got ${JSON.stringify(actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`))}`);
  return fix;
}

/**
 * Applies an action the way the light bulb does: its edit as a refactoring (so VS Code's
 * files.refactoring.autoSave applies, as for Ctrl+.), then its command.
 */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit, { isRefactoring: true }), `edit of '${action.title}' applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

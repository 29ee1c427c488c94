import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleOf } from './diagnostics';

/** The preferred quick fix VS Code gets from our provider for `diagnostic` (resolved, so `edit` is filled in). */
export async function preferredQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
  const fix = actions.find((a) => a.isPreferred && a.diagnostics?.some((d) => ruleOf(d) === ruleOf(diagnostic)));
  assert.ok(fix, `a preferred quick fix for ${ruleOf(diagnostic)}; got ${JSON.stringify(actions.map((a) => a.title))}`);
  return fix;
}

/** Applies an action the way the editor does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of '${action.title}' applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

import * as assert from 'assert';
import * as vscode from 'vscode';
import { CHAT_TS, CHAT_TS_WITHOUT_COMPLETE, COMMANDS } from '../expectations';
import { matchesCount, waitForDiagnostics } from '../helpers/diagnostics';
import { ourExtension } from '../helpers/extension';
import { featureTest } from '../helpers/featureTest';
import { waitFor } from '../helpers/waitFor';
import { copyOf, fileIn, folderNamed, openEditor } from '../helpers/workspace';

suite('commands', () => {
  const chat = () => fileIn(folderNamed('workspace'), 'src/chat.ts');

  test('the manifest contributes every command and the extension registers it', async () => {
    const contributed: string[] = (ourExtension().packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.deepStrictEqual(COMMANDS.filter((c) => !contributed.includes(c)), [], 'missing from contributes.commands');
    const registered = await vscode.commands.getCommands(true);
    assert.deepStrictEqual(COMMANDS.filter((c) => !registered.includes(c)), [], 'contributed but not registered');
  });

  test('restartServer gives a working server: findings still follow edits', async () => {
    const target = await copyOf(chat(), 'restart.ts');
    const editor = await openEditor(target);
    await waitForDiagnostics(target, 'findings before the restart', matchesCount(CHAT_TS.length));
    await vscode.commands.executeCommand('bedrockToSagemaker.restartServer');
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.lineAt(10).range.end, editor.document.lineAt(19).range.end)));
    await waitForDiagnostics(target, 'findings of the edit, from the restarted server', matchesCount(CHAT_TS_WITHOUT_COMPLETE.length));
    await editor.document.save();
  });

  featureTest('report', 'Generate Migration Report opens a report document', async () => {
    const isReport = (d: vscode.TextDocument) => d.languageId === 'markdown' && /^---[\s\S]*feasibility:[\s\S]*---/.test(d.getText());
    await vscode.commands.executeCommand('bedrockToSagemaker.generateReport');
    const report = await waitFor('a Markdown report document', () => vscode.workspace.textDocuments.find(isReport),
      { events: [vscode.workspace.onDidOpenTextDocument] });
    const text = report.getText();
    assert.match(text, /target_region: ['"]?cn-northwest-1/);
    assert.match(text, /src\/chat\.ts/);
  });

  featureTest('migrate-workspace', 'Migrate Workspace applies its edit to files that are not open', async () => {
    const target = await copyOf(chat(), 'migrate-workspace.ts');
    const pending = vscode.commands.executeCommand('bedrockToSagemaker.migrateWorkspace');
    // The edit needs confirmation (change annotations), so VS Code shows its refactor preview: accept it.
    const migrated = await waitFor('the migrated text of a file that was not open', async () => {
      await vscode.commands.executeCommand('refactorPreview.apply').then(undefined, () => undefined);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      return doc && !doc.getText().includes('BedrockRuntimeClient') ? doc : undefined;
    }, { events: [vscode.workspace.onDidChangeTextDocument] });
    await pending;
    assert.match(migrated.getText(), /SageMakerRuntimeClient/);
    await vscode.workspace.saveAll(false);
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { CHAT_TS, CHAT_TS_WITHOUT_COMPLETE, COMMANDS } from '../expectations';
import { matchesCount, waitForDiagnostics } from '../helpers/diagnostics';
import { ourExtension } from '../helpers/extension';
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
});

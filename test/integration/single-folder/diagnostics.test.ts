import * as assert from 'assert';
import * as vscode from 'vscode';
import { CHAT_TS, CHAT_TS_WITHOUT_COMPLETE } from '../expectations';
import { allNameRegion, assertFindings, matchesCount, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { copyOf, fileIn, folderNamed, openEditor, setFolderSetting } from '../helpers/workspace';

suite('diagnostics (TypeScript)', () => {
  const folder = () => folderNamed('workspace');
  const chat = () => fileIn(folder(), 'src/chat.ts');

  test('findings with exact ranges, rule ids and severities', async () => {
    await openEditor(chat());
    const diagnostics = await waitForDiagnostics(chat(), `${CHAT_TS.length} findings`, matchesCount(CHAT_TS.length));
    assertFindings(diagnostics, CHAT_TS);
  });

  test('messages name the default target region cn-northwest-1', async () => {
    await waitForDiagnostics(chat(), 'messages naming cn-northwest-1', allNameRegion('cn-northwest-1'));
  });

  test('findings follow edits, without a save', async () => {
    const edited = await copyOf(chat(), 'edited.ts');
    const editor = await openEditor(edited);
    await waitForDiagnostics(edited, 'findings of the copy', matchesCount(CHAT_TS.length));

    // Delete complete() (from the end of ask() through line 19): its InvokeModel findings must go.
    const lastLine = editor.document.lineAt(19);
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.lineAt(10).range.end, lastLine.range.end)));
    assertFindings(await waitForDiagnostics(edited, 'InvokeModel findings gone', matchesCount(CHAT_TS_WITHOUT_COMPLETE.length)), CHAT_TS_WITHOUT_COMPLETE);

    // Change the region literal: the client-region message must name the new literal.
    const regionLiteral = new vscode.Range(2, 51, 2, 60);
    assert.strictEqual(editor.document.getText(regionLiteral), 'us-east-1');
    await editor.edit((b) => b.replace(regionLiteral, 'eu-west-1'));
    await waitForDiagnostics(edited, 'client-region message naming eu-west-1',
      (ds) => ds.some((d) => ruleOf(d) === 'bedrock/client-region' && d.message.includes('eu-west-1')));
    await editor.document.save();
  });

  test('changing bedrockToSagemaker.targetRegion re-words the messages', async () => {
    await openEditor(chat());
    await waitForDiagnostics(chat(), 'messages naming cn-northwest-1', allNameRegion('cn-northwest-1'));
    try {
      await setFolderSetting(folder(), 'bedrockToSagemaker.targetRegion', 'cn-north-1');
      const diagnostics = await waitForDiagnostics(chat(), 'messages naming cn-north-1', allNameRegion('cn-north-1'));
      assert.strictEqual(diagnostics.length, CHAT_TS.length);
    } finally {
      await setFolderSetting(folder(), 'bedrockToSagemaker.targetRegion', undefined);
    }
    await waitForDiagnostics(chat(), 'messages back to cn-northwest-1', allNameRegion('cn-northwest-1'));
  });
});

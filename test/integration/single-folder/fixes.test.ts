import * as assert from 'assert';
import * as vscode from 'vscode';
import { CHAT_TS } from '../expectations';
import { applyCodeAction, preferredQuickFix } from '../helpers/codeActions';
import { matchesCount, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { featureTest } from '../helpers/featureTest';
import { assertGolden } from '../helpers/golden';
import { waitFor } from '../helpers/waitFor';
import { copyOf, diskText, fileIn, folderNamed, openEditor, setFolderSetting } from '../helpers/workspace';

const FIXABLE_SDK_NAMES = /@aws-sdk\/client-bedrock-runtime|BedrockRuntimeClient|ConverseCommand|InvokeModelCommand/;

suite('fixes (TypeScript)', () => {
  const folder = () => folderNamed('workspace');
  const chat = () => fileIn(folder(), 'src/chat.ts');

  featureTest('fixes', 'the preferred quick fix for InvokeModel applies and the saved file is the expected text', async () => {
    const target = await copyOf(chat(), 'quickfix.ts');
    const editor = await openEditor(target);
    const diagnostics = await waitForDiagnostics(target, 'findings', matchesCount(CHAT_TS.length));
    const invoke = diagnostics.find((d) => ruleOf(d) === 'bedrock/invoke-model');
    assert.ok(invoke);
    await applyCodeAction(await preferredQuickFix(target, invoke));
    await waitForDiagnostics(target, 'the InvokeModel finding gone', (ds) => !ds.some((d) => ruleOf(d) === 'bedrock/invoke-model'));
    assert.ok(await editor.document.save(), 'saved');
    const saved = await diskText(target);
    assert.strictEqual(saved, editor.document.getText());
    assert.match(saved, /InvokeEndpointCommand/);
    assertGolden('quickfix-invoke-model.ts', saved);
  });

  featureTest('fixes', 'source.fixAll.bedrockToSagemaker runs on save through editor.codeActionsOnSave', async () => {
    const target = await copyOf(chat(), 'fixall.ts');
    await setFolderSetting(folder(), 'editor.codeActionsOnSave', { 'source.fixAll.bedrockToSagemaker': 'explicit' });
    try {
      const editor = await openEditor(target);
      await waitForDiagnostics(target, 'findings', matchesCount(CHAT_TS.length));
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// fixed on save\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save to finish', () => !editor.document.isDirty);
      const saved = await diskText(target);
      assert.strictEqual(saved, editor.document.getText());
      assert.doesNotMatch(saved, FIXABLE_SDK_NAMES);
      assertGolden('fix-all-on-save.ts', saved);

      // Fix-all is idempotent: saving again changes nothing.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
      await editor.edit((b) => b.delete(new vscode.Range(0, 0, 0, 1)));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the second save to finish', () => !editor.document.isDirty);
      assert.strictEqual(await diskText(target), saved);
    } finally {
      await setFolderSetting(folder(), 'editor.codeActionsOnSave', undefined);
    }
  });
});

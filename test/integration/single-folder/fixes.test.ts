import * as assert from 'assert';
import * as vscode from 'vscode';
import { CHAT_TS } from '../expectations';
import { applyCodeAction, preferredQuickFix } from '../helpers/codeActions';
import { matchesCount, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { engineFixAll, type ExpectedFix } from '../helpers/engineOracle';
import { featureTest } from '../helpers/featureTest';
import { waitFor } from '../helpers/waitFor';
import { copyOf, diskText, fileIn, folderNamed, openEditor, withFolderSettings } from '../helpers/workspace';

const BEDROCK_NAMES = /@aws-sdk\/client-bedrock-runtime|BedrockRuntimeClient|ConverseCommand|InvokeModelCommand/;

// Each test names its own adapter module (bedrockToSagemaker.adapterPath), so neither finds the other's.
suite('fixes (TypeScript)', () => {
  const folder = () => folderNamed('workspace');
  const chat = () => fileIn(folder(), 'src/chat.ts');

  /** The saved file and every file the fix created are on disk exactly as the engine computes them. */
  async function assertOnDisk(target: vscode.Uri, expected: ExpectedFix): Promise<void> {
    const saved = await diskText(target);
    assert.doesNotMatch(saved, BEDROCK_NAMES);
    assert.strictEqual(saved, expected.text, `${target.fsPath} on disk`);
    assert.ok(expected.createdFiles.size > 0, 'the Converse rewrite creates the adapter module');
    for (const [relativePath, content] of expected.createdFiles) {
      assert.strictEqual(await diskText(fileIn(folder(), relativePath)).catch(() => '(missing)'), content, `${relativePath} on disk`);
    }
  }

  featureTest('fixes', 'the preferred quick fix for InvokeModel applies, and the file and its adapter are saved as the engine computes', async () => {
    const adapterPath = 'src/quickfix-converse.ts';
    await withFolderSettings(folder(), { 'bedrockToSagemaker.adapterPath': adapterPath }, async () => {
      const target = await copyOf(chat(), 'quickfix.ts');
      const editor = await openEditor(target);
      const expected = engineFixAll(editor.document.getText(), 'typescript', { adapterPath }, 'src/quickfix.ts');
      const diagnostics = await waitForDiagnostics(target, 'findings', matchesCount(CHAT_TS.length));
      const invoke = diagnostics.find((d) => ruleOf(d) === 'bedrock/invoke-model');
      assert.ok(invoke);
      await applyCodeAction(await preferredQuickFix(target, invoke));
      await waitForDiagnostics(target, 'the InvokeModel finding gone', (ds) => !ds.some((d) => ruleOf(d) === 'bedrock/invoke-model'));
      assert.strictEqual(editor.document.getText(), expected.text);
      assert.ok(await editor.document.save() || !editor.document.isDirty, 'saved');
      await assertOnDisk(target, expected);
    });
  });

  featureTest('fix-all-on-save-adapter', 'source.fixAll.bedrockToSagemaker in editor.codeActionsOnSave: one save writes the migrated program', async () => {
    const adapterPath = 'src/fix-all-converse.ts';
    await withFolderSettings(folder(), {
      'bedrockToSagemaker.adapterPath': adapterPath,
      'editor.codeActionsOnSave': { 'source.fixAll.bedrockToSagemaker': 'explicit' },
    }, async () => {
      const target = await copyOf(chat(), 'fixall.ts');
      const editor = await openEditor(target);
      await waitForDiagnostics(target, 'findings', matchesCount(CHAT_TS.length));
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// fixed on save\n'));
      const expected = engineFixAll(editor.document.getText(), 'typescript', { adapterPath }, 'src/fixall.ts');
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save to finish', () => !editor.document.isDirty);
      // The saved file imports the adapter: after this one save the program on disk must be complete.
      await assertOnDisk(target, expected);

      // Fix-all is idempotent: saving again changes nothing.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
      await editor.edit((b) => b.delete(new vscode.Range(0, 0, 0, 1)));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the second save to finish', () => !editor.document.isDirty);
      assert.strictEqual(await diskText(target), expected.text);
    });
  });
});

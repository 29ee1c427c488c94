import * as assert from 'assert';
import * as vscode from 'vscode';
import { engineFixAll } from '../helpers/engineOracle';
import { featureTest } from '../helpers/featureTest';
import { waitFor } from '../helpers/waitFor';
import { copyOf, diskText, fileIn, folderNamed } from '../helpers/workspace';

// Workspace-wide commands run last (see index.ts): Migrate Workspace rewrites every file in the folder.
suite('workspace commands', () => {
  const folder = () => folderNamed('workspace');
  const chat = () => fileIn(folder(), 'src/chat.ts');

  featureTest('report', 'Generate Migration Report opens a report document', async () => {
    const isReport = (d: vscode.TextDocument) => d.languageId === 'markdown' && /^---[\s\S]*feasibility:[\s\S]*---/.test(d.getText());
    await vscode.commands.executeCommand('bedrockToSagemaker.generateReport');
    const report = await waitFor('a Markdown report document', () => vscode.workspace.textDocuments.find(isReport),
      { events: [vscode.workspace.onDidOpenTextDocument] });
    const text = report.getText();
    assert.match(text, /^target_region: ['"]?cn-northwest-1/m);
    assert.match(text, /^feasibility: ['"]?(HIGH|MEDIUM|LOW)/m);
    assert.match(text, /src\/chat\.ts/);
  });

  featureTest('migrate-workspace', "Migrate Workspace: Apply in VS Code's refactor preview migrates files that are not open", async () => {
    const target = await copyOf(chat(), 'migrate-workspace.ts');
    const expected = engineFixAll(await diskText(target), 'typescript', {}, 'src/migrate-workspace.ts');
    let settled = false;
    const running = Promise.resolve(vscode.commands.executeCommand('bedrockToSagemaker.migrateWorkspace')).finally(() => { settled = true; });
    // The edit carries change annotations, so the command waits in VS Code's refactor preview: press Apply
    // (as the user would) until the preview is up and the command finishes.
    await waitFor('the command to finish through the refactor preview', async () => {
      if (!settled) await vscode.commands.executeCommand('refactorPreview.apply');
      return settled;
    });
    await running;
    // VS Code starts edits whose annotation has needsConfirmation *unticked* in the preview.
    assert.strictEqual(await diskText(target), expected.text, `${target.fsPath} migrated on disk after Apply`);
  });
});

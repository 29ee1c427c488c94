import * as assert from 'assert';
import { rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { engineFixAll, type ExpectedFix } from '../helpers/engineOracle';
import { featureTest } from '../helpers/featureTest';
import { waitFor } from '../helpers/waitFor';
import { copyOf, diskText, fileIn, folderNamed, openEditor, withFolderSettings } from '../helpers/workspace';

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

  featureTest('report', 'a second report follows VS Code\'s file events: a file rewritten with the same size and modification time is read again', async () => {
    const target = fileIn(folder(), 'src/report-events.ts');
    const reportFile = fileIn(folder(), '.bedrock-to-sagemaker/migration-report.md');
    const bedrock = await diskText(chat());
    // No finding, and byte for byte as long as the Bedrock version, so only a file event can tell them apart.
    const quiet = `//${'x'.repeat(Buffer.byteLength(bedrock) - 3)}\n`;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder(), 'src/report-events.ts'));
    const seen = { created: 0, changed: 0 };
    watcher.onDidCreate(() => seen.created++);
    watcher.onDidChange(() => seen.changed++);
    const events = [watcher.onDidCreate, watcher.onDidChange];
    try {
      // Written as a terminal or another tool would, not through VS Code.
      writeFileSync(target.fsPath, quiet);
      await waitFor('the watcher reports the new file', () => seen.created > 0, { events });
      await vscode.commands.executeCommand('bedrockToSagemaker.generateReport');
      assert.doesNotMatch(await diskText(reportFile), /src\/report-events\.ts/);
      const { mtime } = statSync(target.fsPath);
      const changesBefore = seen.changed + seen.created;
      writeFileSync(target.fsPath, bedrock);
      utimesSync(target.fsPath, mtime, mtime);
      await waitFor('the watcher reports the rewrite', () => seen.changed + seen.created > changesBefore, { events });
      await vscode.commands.executeCommand('bedrockToSagemaker.generateReport');
      assert.match(await diskText(reportFile), /src\/report-events\.ts/, 'the changed file is in the second report');
    } finally {
      watcher.dispose();
      rmSync(target.fsPath, { force: true });
    }
  });

  /** Every file the fix creates is on disk as the engine computes it. */
  async function assertCreatedOnDisk(expected: ExpectedFix): Promise<void> {
    assert.ok(expected.createdFiles.size > 0, 'the Converse rewrite creates the adapter module');
    for (const [relativePath, content] of expected.createdFiles) {
      assert.strictEqual(await diskText(fileIn(folder(), relativePath)).catch(() => '(missing)'), content, `${relativePath} on disk`);
    }
  }

  // Its own adapter path, so the next test's Migrate All still has the default adapter to create.
  featureTest('migrate-workspace', 'Migrate Workspace { apply: [one file] }: that file and the adapter it needs are migrated on disk, nothing else', async () => {
    const adapterPath = 'src/migrate-subset-converse.ts';
    await withFolderSettings(folder(), { 'bedrockToSagemaker.adapterPath': adapterPath }, async () => {
      const picked = await copyOf(chat(), 'migrate-picked.ts');
      const other = await copyOf(chat(), 'migrate-other.ts');
      const original = await diskText(other);
      const expected = engineFixAll(await diskText(picked), 'typescript', { adapterPath }, 'src/migrate-picked.ts');
      await vscode.commands.executeCommand('bedrockToSagemaker.migrateWorkspace', { apply: [picked.toString()] });
      assert.strictEqual(await diskText(picked), expected.text, `${picked.fsPath} migrated on disk`);
      await assertCreatedOnDisk(expected);
      assert.strictEqual(await diskText(other), original, `${other.fsPath} not picked, so unchanged`);
    });
  });

  featureTest('migrate-workspace', 'Migrate Workspace { apply: "all" }: closed files are migrated on disk as fix-all computes; unsaved editors stay unsaved', async () => {
    const closed = await copyOf(chat(), 'migrate-workspace.ts');
    const expected = engineFixAll(await diskText(closed), 'typescript', {}, 'src/migrate-workspace.ts');
    const original = await diskText(chat());
    const unsaved = await openEditor(await copyOf(chat(), 'migrate-unsaved.ts'));
    await unsaved.edit((b) => b.insert(new vscode.Position(0, 0), '// not saved yet\n'));
    const expectedUnsaved = engineFixAll(unsaved.document.getText(), 'typescript', {}, 'src/migrate-unsaved.ts');
    await vscode.commands.executeCommand('bedrockToSagemaker.migrateWorkspace', { apply: 'all' });
    assert.strictEqual(await diskText(closed), expected.text, `${closed.fsPath} migrated on disk`);
    await assertCreatedOnDisk(expected);
    // The user's unsaved work is migrated in the editor, never written out for them.
    assert.strictEqual(unsaved.document.getText(), expectedUnsaved.text);
    assert.ok(unsaved.document.isDirty, 'a document with unsaved changes is not saved');
    assert.strictEqual(await diskText(unsaved.document.uri), original);
    await vscode.window.showTextDocument(unsaved.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

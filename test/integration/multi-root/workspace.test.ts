import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  BEDROCK_SDK, type PackageJson, SAGEMAKER_SDK, type Tree, compareTrees, describeChanges, isSource, isUnchanged, moduleSpecifiers, sectionsListing, snapshot,
} from '../../projects/support/tree';
import { ourExtension } from '../helpers/extension';
import { featureTest } from '../helpers/featureTest';
import { waitFor } from '../helpers/waitFor';
import { fileIn, folderNamed, openEditor, waitForFolders } from '../helpers/workspace';

// Issue #10: Migrate Workspace on whole projects, as a user runs it. Two fixture projects of the project suite
// (test/projects, copied in as folders of this workspace by workspaces.cjs, their CLI config as folder settings) are
// migrated with the command, the confirmation answered through its `{ apply }` test hook, and the result is read
// from disk: it must be what `scan --fix` (the CLI of the extension under test) makes of a copy taken before.
// Multi-root only: the projects are folders of their own (package.json at the folder root, as a user opens them),
// which only the .code-workspace launch has. This file runs last (index.ts): the command migrates every folder.

interface ProjectExpectation {
  /** The Converse adapter the migration creates, in the package's source root (tsconfig rootDir, else src/). */
  adapter: string;
  /** Files still importing the Bedrock SDK after the migration (a call it cannot translate), keeping it listed. */
  stillOnBedrock: string[];
}

const PROJECTS: Record<string, ProjectExpectation> = {
  'esm-js': { adapter: 'src/sagemaker-converse.js', stillOnBedrock: ['src/completions/mistral-stream.js'] },
  // tsconfig rootDir "." (src and examples compile together), so the source root is the package root.
  'ts-library': { adapter: 'sagemaker-converse.ts', stillOnBedrock: [] },
};
const NAMES = Object.keys(PROJECTS);

function runCli(cli: string, cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    // ELECTRON_RUN_AS_NODE: in desktop VS Code the extension host's execPath is Electron.
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
  });
}

suite('Migrate Workspace on fixture projects', () => {
  const root = (name: string) => folderNamed(name).uri.fsPath;
  const before = new Map<string, Tree>();
  const afterMigration = new Map<string, Tree>();
  const cliResult = new Map<string, Tree>();
  let scratch: string;

  suiteSetup(async () => {
    await waitForFolders(...NAMES);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'b2s-e2e-projects-'));
    // The extension's own CLI: the development build, or the one packaged in the installed .vsix.
    const cli = path.join(ourExtension().extensionPath, 'server', 'out', 'cli.js');
    for (const name of NAMES) {
      before.set(name, snapshot(root(name)));
      const copy = path.join(scratch, name);
      fs.cpSync(root(name), copy, { recursive: true });
      const fix = await runCli(cli, copy, ['scan', '.', '--fix', '--config', 'bedrock-to-sagemaker.config.json', '--format', 'json']);
      assert.ok(fix.code === 0 || fix.code === 1, `scan --fix on ${name}: exit ${fix.code}\n${fix.stderr}`);
      cliResult.set(name, snapshot(copy));
    }
    // A user opens a file first: the command needs the running language server.
    await openEditor(fileIn(folderNamed('esm-js'), 'src/chat/converse.js'));
    await waitFor('the extension is active', () => ourExtension().isActive);
    await vscode.commands.executeCommand('bedrockToSagemaker.migrateWorkspace', { apply: 'all' });
    for (const name of NAMES) afterMigration.set(name, snapshot(root(name)));
  });

  suiteTeardown(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  for (const name of NAMES) {
    featureTest('migrate-workspace', `${name}: the files on disk are what scan --fix makes of the project, byte for byte`, async () => {
      const changes = compareTrees(before.get(name)!, afterMigration.get(name)!);
      assert.ok(changes.modified.length > 0, `Migrate Workspace changed nothing in ${name}`);
      const differences = compareTrees(cliResult.get(name)!, afterMigration.get(name)!);
      assert.ok(isUnchanged(differences), describeChanges(cliResult.get(name)!, afterMigration.get(name)!, differences));
    });

    featureTest('migrate-workspace', `${name}: package.json lists the SageMaker client, and the Bedrock one only while a file imports it`, async () => {
      const tree = afterMigration.get(name)!;
      const pkg = JSON.parse(tree.get('package.json')!.toString('utf8')) as PackageJson;
      const importers = [...tree].filter(([file]) => isSource(file))
        .filter(([, bytes]) => moduleSpecifiers(bytes.toString('utf8')).includes(BEDROCK_SDK)).map(([file]) => file);
      assert.deepStrictEqual(importers, PROJECTS[name].stillOnBedrock);
      assert.ok(sectionsListing(pkg, SAGEMAKER_SDK).length > 0, JSON.stringify(pkg, null, 2));
      assert.strictEqual(sectionsListing(pkg, BEDROCK_SDK).length > 0, importers.length > 0, JSON.stringify(pkg, null, 2));
    });

    featureTest('migrate-workspace', `${name}: the adapter is created in the package's source root`, async () => {
      const { adapter } = PROJECTS[name];
      assert.ok(!before.get(name)!.has(adapter), `${adapter} is not in the fixture`);
      assert.match(afterMigration.get(name)!.get(adapter)?.toString('utf8') ?? '(missing)', /Written by bedrock-to-sagemaker/, `${adapter} on disk`);
    });
  }

  featureTest('migrate-workspace', 'every document the migration changed or created is saved', async () => {
    const inProjects = (document: vscode.TextDocument) => NAMES.some((name) => document.uri.fsPath.startsWith(root(name) + path.sep));
    const dirty = () => vscode.workspace.textDocuments.filter((document) => inProjects(document) && document.isDirty).map((document) => document.uri.fsPath);
    // On a loaded machine a save the workbench started can still be in flight when the command returns.
    await waitFor('no unsaved document in the projects', () => dirty().length === 0,
      { events: [vscode.workspace.onDidSaveTextDocument], describe: () => JSON.stringify(dirty()) });
  });

  featureTest('migrate-workspace', 'a second Migrate Workspace changes nothing on disk', async () => {
    await vscode.commands.executeCommand('bedrockToSagemaker.migrateWorkspace', { apply: 'all' });
    for (const name of NAMES) {
      const again = snapshot(root(name));
      const differences = compareTrees(afterMigration.get(name)!, again);
      assert.ok(isUnchanged(differences), `${name}: ${describeChanges(afterMigration.get(name)!, again, differences)}`);
    }
  });
});

// Migrate Workspace and package.json (issue #10): the editor follows the migration plan scan --fix follows
// (engine/project/migrationPlan.ts). A package whose code migrates gets its package.json edits from the imports it
// has once migrated (SageMaker Runtime added, Bedrock packages nothing imports removed) and the summary names the
// install command of its lockfile; a package whose code cannot migrate keeps its package.json, and says why.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { TextDocumentEdit, TextEdit, WorkspaceFolder } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MigrateWorkspaceRequest } from '../../shared/reportProtocol';
import { LspTestClient } from '../helpers/lspClient';

const MIGRATES = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  '',
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
  'export async function complete(prompt: string): Promise<string> {',
  "  const response = await client.send(new InvokeModelCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', contentType: 'application/json', body: JSON.stringify({ prompt, max_gen_len: 64 }) }));",
  '  return JSON.parse(new TextDecoder().decode(response.body)).generation;',
  '}',
  '',
].join('\n');
const FACTORY = [
  "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
  "export const createClient = () => new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
].join('\n');
const GUARD = [
  "import { ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';",
  "import { createClient } from './factory';",
  "export const check = () => createClient().send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
  '',
].join('\n');
const packageJson = (name: string) => `${JSON.stringify({
  name, version: '1.0.0', dependencies: { '@aws-sdk/client-bedrock-runtime': '^3.600.0', '@aws-sdk/client-bedrock-agent-runtime': '^3.600.0', zod: '^3.0.0' },
}, null, 2)}\n`;

describe('Migrate Workspace: package.json follows its package\'s migration (issue #10)', { timeout: 60_000 }, () => {
  let root: string;
  let client: LspTestClient;
  let folder: WorkspaceFolder;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-migrate-deps-'));
    write('package-lock.json', '{}\n');
    write('package.json', `${JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }, null, 2)}\n`);
    write('packages/app/package.json', packageJson('app'));
    write('packages/app/src/complete.ts', MIGRATES);
    write('packages/guarded/package.json', packageJson('guarded'));
    write('packages/guarded/src/factory.ts', FACTORY);
    write('packages/guarded/src/guard.ts', GUARD);
    folder = { name: 'mono', uri: pathToFileURL(root).href };
    client = await LspTestClient.start({ folders: [folder], settings: { '*': { endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } } } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('the migrated package trades its Bedrock packages for SageMaker Runtime; the held-back one is left, with the reason', async () => {
    const result = await client.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: [{ ...folder, filesExclude: [] }] });
    const labels = result.files.map((file) => file.label).sort();
    assert.deepEqual(labels, ['packages/app/package.json', 'packages/app/src/complete.ts']);

    const edits = (result.edit.documentChanges ?? []).filter((change): change is TextDocumentEdit => 'textDocument' in change);
    const appJson = edits.find((edit) => edit.textDocument.uri.endsWith('/packages/app/package.json'))!;
    const path = join(root, 'packages', 'app', 'package.json');
    const after = JSON.parse(TextDocument.applyEdits(TextDocument.create(appJson.textDocument.uri, 'json', 0, readFileSync(path, 'utf8')), appJson.edits as TextEdit[]));
    assert.deepEqual(Object.keys(after.dependencies).sort(), ['@aws-sdk/client-sagemaker-runtime', 'zod']);
    assert.equal(after.dependencies['@aws-sdk/client-sagemaker-runtime'], '^3.600.0');

    // The lockfile is the workspace root's (npm workspaces keep one there).
    assert.deepEqual(result.notes, ['Run npm install to update package-lock.json.']);

    const guardedJson = result.remaining.filter((finding) => finding.uri.endsWith('/packages/guarded/package.json'));
    assert.ok(guardedJson.length > 0);
    assert.ok(guardedJson.some((finding) => /no code of this package is migrated/.test(finding.message)), JSON.stringify(guardedJson));
    const factory = result.remaining.filter((finding) => finding.uri.endsWith('/packages/guarded/src/factory.ts'));
    assert.ok(factory.some((finding) => /guard\.ts/.test(finding.message)), 'the factory is held back with the Guardrail caller, naming it');
  });
});

describe('Migrate Workspace in a workspace folder inside a package', { timeout: 60_000 }, () => {
  test('the package.json above the folder is not edited, and the summary says what it lacks (its path\'s control characters escaped)', async () => {
    // A folder name with a right-to-left override, which would reorder the path as shown.
    const root = mkdtempSync(join(tmpdir(), 'b2s-migrate-deps-above-\u202e-'));
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), packageJson('above'));
    writeFileSync(join(root, 'src', 'complete.ts'), MIGRATES);
    const folder = { name: 'src', uri: pathToFileURL(join(root, 'src')).href };
    const client = await LspTestClient.start({ folders: [folder], settings: { '*': { endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } } } });
    try {
      const result = await client.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: [{ ...folder, filesExclude: [] }] });
      assert.deepEqual(result.files.map((file) => file.label), ['complete.ts']);
      assert.deepEqual(result.notes, [
        `${join(root, 'package.json').replace('\u202e', '\\u202e')} is outside the workspace folder, so the migration does not change it, but the code it migrates imports @aws-sdk/client-sagemaker-runtime, which it does not list: add it (npm install @aws-sdk/client-sagemaker-runtime).`,
      ]);
      const uris = (result.edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change ? [change.textDocument.uri] : []));
      assert.ok(!uris.some((uri) => uri.endsWith('/package.json')), 'nothing outside the folder is edited');
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// A monorepo whose root lists the Bedrock client its packages use (npm, Yarn and pnpm workspaces install it there).
describe('Migrate Workspace in a monorepo whose root lists the Bedrock client', { timeout: 60_000 }, () => {
  const rootPackage = `${JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'], dependencies: { '@aws-sdk/client-bedrock-runtime': '^3.600.0' } }, null, 2)}\n`;
  const llmPackage = `${JSON.stringify({ name: '@mono/llm', private: true }, null, 2)}\n`;
  const migrate = async (folderPath: string) => {
    const folder = { name: 'mono', uri: pathToFileURL(folderPath).href };
    const client = await LspTestClient.start({ folders: [folder], settings: { '*': { endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } } } });
    try {
      return await client.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: [{ ...folder, filesExclude: [] }] });
    } finally {
      await client.stop();
    }
  };
  const withMonorepo = async (check: (root: string) => Promise<void>) => {
    const root = mkdtempSync(join(tmpdir(), 'b2s-migrate-hoisted-'));
    mkdirSync(join(root, 'packages', 'llm', 'src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), rootPackage);
    writeFileSync(join(root, 'packages', 'llm', 'package.json'), llmPackage);
    writeFileSync(join(root, 'packages', 'llm', 'src', 'complete.ts'), MIGRATES);
    try {
      await check(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  test('the root trades the Bedrock client for SageMaker Runtime; the package\'s own package.json is left', () => withMonorepo(async (root) => {
    const result = await migrate(root);
    assert.deepEqual(result.files.map((file) => file.label).sort(), ['package.json', 'packages/llm/src/complete.ts']);
    const edits = (result.edit.documentChanges ?? []).filter((change): change is TextDocumentEdit => 'textDocument' in change);
    const rootEdit = edits.find((edit) => edit.textDocument.uri === pathToFileURL(join(root, 'package.json')).href)!;
    const after = JSON.parse(TextDocument.applyEdits(TextDocument.create(rootEdit.textDocument.uri, 'json', 0, rootPackage), rootEdit.edits as TextEdit[]));
    assert.deepEqual(after.dependencies, { '@aws-sdk/client-sagemaker-runtime': '^3.600.0' });
    assert.ok(!edits.some((edit) => edit.textDocument.uri.endsWith('/packages/llm/package.json')));
    assert.deepEqual(result.remaining.filter((finding) => finding.uri.endsWith('/package.json')), []);
  }));

  test('a workspace folder on the package: the root above it is named, not edited', () => withMonorepo(async (root) => {
    const result = await migrate(join(root, 'packages', 'llm'));
    assert.deepEqual(result.files.map((file) => file.label), ['src/complete.ts']);
    assert.deepEqual(result.notes, [
      `${join(root, 'package.json')} is outside the workspace folder, so the migration does not change it, but the code it migrates imports @aws-sdk/client-sagemaker-runtime, which it does not list: add it (npm install @aws-sdk/client-sagemaker-runtime).`,
    ]);
    const uris = (result.edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change ? [change.textDocument.uri] : []));
    assert.ok(!uris.some((uri) => uri.endsWith('/package.json')), 'no package.json edited');
  }));
});

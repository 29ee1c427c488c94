// Issue #10: "Migrate this file" / fix-all of a file that moves to SageMaker Runtime also adds the SageMaker Runtime
// client to its package.json (beside the Bedrock one, formatting kept), so the migrated import installs; a closed
// package.json is saved by the action's command like the adapter it creates. No edit when it lists the client already.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, TextDocumentEdit, WorkspaceFolder } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

const CHAT = [
  "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  "export const ask = (text: string) => client.send(new ConverseCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', messages: [{ role: 'user', content: [{ text }] }] }));",
  '',
].join('\n');
const PACKAGE = '{\n  "name": "svc",\n  "dependencies": {\n    "@aws-sdk/client-bedrock-runtime": "^3.700.0"\n  }\n}\n';
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };

describe('Migrate this file adds the SageMaker Runtime client to package.json (issue #10)', { timeout: 60_000 }, () => {
  let root: string;
  let client: LspTestClient;
  let folder: WorkspaceFolder;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const resolvedFixAll = async (path: string): Promise<CodeAction> => {
    const uri = `${folder.uri}/${path}`;
    await client.open(uri, 'typescript', CHAT);
    const diagnostics = await client.diagnosticItems(uri);
    const [fixAll] = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['source.fixAll']);
    assert.ok(fixAll, 'a fix-all is offered');
    return client.resolveCodeAction(fixAll);
  };
  const packageJsonEdit = (action: CodeAction, uri: string) => action.edit?.documentChanges?.find(
    (change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-file-package-json-'));
    write('a/package.json', PACKAGE);
    write('a/src/chat.ts', CHAT);
    write('b/package.json', PACKAGE.replace('^3.700.0"\n', '^3.700.0",\n    "@aws-sdk/client-sagemaker-runtime": "^3.700.0"\n'));
    write('b/src/chat.ts', CHAT);
    // A monorepo whose root lists the client its packages use; the package's own package.json lists nothing.
    write('c/package.json', PACKAGE.replace('"svc"', '"mono", "private": true, "workspaces": ["packages/*"]'));
    write('c/packages/llm/package.json', '{\n  "name": "llm"\n}\n');
    write('c/packages/llm/src/chat.ts', CHAT);
    // The same, with the package listing only Bedrock's control-plane client, which the migration does not replace.
    write('d/package.json', PACKAGE.replace('"svc"', '"mono", "private": true, "workspaces": ["packages/*"]'));
    write('d/packages/llm/package.json', '{\n  "name": "llm",\n  "dependencies": {\n    "@aws-sdk/client-bedrock": "^3.700.0"\n  }\n}\n');
    write('d/packages/llm/src/chat.ts', CHAT);
    folder = { uri: pathToFileURL(root).href, name: 'packages' };
    client = await LspTestClient.start({ folders: [folder], settings: { '*': { endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } } } });
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('the edit adds the client beside the Bedrock one, and the command saves the closed package.json', async () => {
    const action = await resolvedFixAll('a/src/chat.ts');
    const packageUri = `${folder.uri}/a/package.json`;
    const edit = packageJsonEdit(action, packageUri);
    assert.ok(edit, `no package.json edit in ${JSON.stringify(action.edit)}`);
    assert.equal(edit.textDocument.version, null, 'a closed file');
    assert.deepEqual(edit.edits.map((change) => ('newText' in change ? change.newText : '')), [',\n    "@aws-sdk/client-sagemaker-runtime": "^3.700.0"']);
    assert.ok(action.command?.arguments?.includes(packageUri), 'saved with the adapter by the action command');
  });

  test('no package.json edit when it lists SageMaker Runtime already', async () => {
    const action = await resolvedFixAll('b/src/chat.ts');
    assert.ok(action.edit, 'the file is still migrated');
    assert.equal(packageJsonEdit(action, `${folder.uri}/b/package.json`), undefined);
  });

  test('in a monorepo whose root lists the Bedrock client, the root gets the SageMaker Runtime client', async () => {
    const action = await resolvedFixAll('c/packages/llm/src/chat.ts');
    assert.equal(packageJsonEdit(action, `${folder.uri}/c/packages/llm/package.json`), undefined, 'the package lists no Bedrock client');
    const edit = packageJsonEdit(action, `${folder.uri}/c/package.json`);
    assert.ok(edit, `no edit of the root package.json in ${JSON.stringify(action.edit)}`);
    assert.deepEqual(edit.edits.map((change) => ('newText' in change ? change.newText : '')), [',\n    "@aws-sdk/client-sagemaker-runtime": "^3.700.0"']);
  });

  test('a control-plane client listed by the package does not draw the edit away from the root that lists the runtime client', async () => {
    const action = await resolvedFixAll('d/packages/llm/src/chat.ts');
    assert.equal(packageJsonEdit(action, `${folder.uri}/d/packages/llm/package.json`), undefined);
    assert.ok(packageJsonEdit(action, `${folder.uri}/d/package.json`), `no edit of the root package.json in ${JSON.stringify(action.edit)}`);
  });
});

describe('Migrate this file in a workspace folder opened on a monorepo package', { timeout: 60_000 }, () => {
  test('the root above the folder is not edited; the action\'s command carries what to add there', async () => {
    const root = mkdtempSync(join(tmpdir(), 'b2s-file-package-json-above-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('package.json', PACKAGE.replace('"svc"', '"mono", "private": true, "workspaces": ["packages/*"]'));
    write('packages/llm/package.json', '{\n  "name": "llm"\n}\n');
    write('packages/llm/src/chat.ts', CHAT);
    const folder = { uri: pathToFileURL(join(root, 'packages', 'llm')).href, name: 'llm' };
    const client = await LspTestClient.start({ folders: [folder], settings: { '*': { endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } } } });
    try {
      const uri = `${folder.uri}/src/chat.ts`;
      await client.open(uri, 'typescript', CHAT);
      const [fixAll] = await client.codeActions(uri, WHOLE_FILE, await client.diagnosticItems(uri), ['source.fixAll']);
      assert.ok(fixAll, 'a fix-all is offered');
      const action = await client.resolveCodeAction(fixAll);
      const edited = (action.edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change ? [change.textDocument.uri] : []));
      assert.ok(edited.includes(uri), 'the file is migrated');
      assert.ok(!edited.some((edited) => edited.endsWith('/package.json')), `no package.json edited: ${edited.join(', ')}`);
      const note = action.command?.arguments?.at(-1) as { note?: string } | undefined;
      assert.equal(note?.note, `${join(root, 'package.json')} is outside the workspace folder, so the migration does not change it, but the code it migrates imports @aws-sdk/client-sagemaker-runtime, which it does not list: add it (npm install @aws-sdk/client-sagemaker-runtime).`);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// Issue #10: "Migrate this file" / source.fixAll on one file respects migration groups. A client factory shared with
// a file that calls a Guardrail (which cannot be migrated) is not migrated alone: the resolve reads the other
// script files of the package (open documents as in the editor, the others from disk) and says why.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, WorkspaceFolder } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

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
/** guard.ts as the user has it in the editor, the Guardrail call gone (not saved). */
const GUARD_EDITED = [
  "import { createClient } from './factory';",
  'export const client = createClient();',
  '',
].join('\n');
const ALONE = [
  "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
  "export const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
].join('\n');
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };

describe('Migrate this file respects migration groups (issue #10)', { timeout: 60_000 }, () => {
  let root: string;
  let client: LspTestClient;
  let folder: WorkspaceFolder;
  const uriOf = (path: string) => `${folder.uri}/${path}`;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const fileActions = async (path: string, text: string): Promise<CodeAction[]> => {
    await client.open(uriOf(path), 'typescript', text);
    const diagnostics = await client.diagnosticItems(uriOf(path));
    const actions = await client.codeActions(uriOf(path), WHOLE_FILE, diagnostics, ['source']);
    assert.deepEqual(actions.map((action) => action.title), ['Migrate this file to SageMaker Runtime', 'Fix all auto-fixable Bedrock findings']);
    return Promise.all(actions.map((action) => client.resolveCodeAction(action)));
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-file-groups-'));
    write('package.json', '{ "name": "groups", "version": "1.0.0" }\n');
    write('src/factory.ts', FACTORY);
    write('src/guard.ts', GUARD);
    write('src/alone.ts', ALONE);
    // A package of its own with more script files than the check reads.
    write('big/package.json', '{ "name": "big", "version": "1.0.0" }\n');
    write('big/src/alone.ts', ALONE);
    for (let index = 0; index <= 2000; index++) write(`big/src/generated/module${index}.ts`, `export const value${index} = ${index};\n`);
    folder = { name: 'groups', uri: pathToFileURL(root).href };
    client = await LspTestClient.start({ folders: [folder] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('the factory shared with a Guardrail caller on disk is not migrated alone, and the action says why', async () => {
    for (const action of await fileActions('src/factory.ts', FACTORY)) {
      assert.equal(action.edit, undefined, action.title);
      assert.match(action.disabled?.reason ?? '', /^Not migrated: .*src\/guard\.ts/, action.title);
    }    // The diagnostics say it too, for this version: the migration findings are no longer fixable, with the reason.
    const migration = (await client.diagnosticItems(uriOf('src/factory.ts'))).filter((diagnostic) => diagnostic.code === 'bedrock/runtime-client');
    assert.ok(migration.length > 0);
    for (const diagnostic of migration) {
      assert.equal((diagnostic.data as { fixable: boolean }).fixable, false);
      assert.match(String(diagnostic.message), /src\/guard\.ts/);
    }
  });

  test('a file that shares nothing migrates on its own', async () => {
    for (const action of await fileActions('src/alone.ts', ALONE)) {
      assert.equal(action.disabled, undefined, action.disabled?.reason);
      assert.ok(action.edit, action.title);
    }
  });

  test('a package with more than 2,000 script files is not checked: the action stops and says so', async () => {
    for (const action of await fileActions('big/src/alone.ts', ALONE)) {
      assert.equal(action.edit, undefined, action.title);
      assert.match(action.disabled?.reason ?? '', /more than 2000 script files/, action.title);
    }
  });

  test('open documents count as the editor has them: with the Guardrail call edited away, the factory migrates', async () => {
    await client.open(uriOf('src/guard.ts'), 'typescript', GUARD_EDITED);
    // The factory stays open with the version found held back: the file actions are still offered, and check again.
    const diagnostics = await client.diagnosticItems(uriOf('src/factory.ts'));
    const actions = await client.codeActions(uriOf('src/factory.ts'), WHOLE_FILE, diagnostics, ['source']);
    assert.equal(actions.length, 2);
    for (const action of await Promise.all(actions.map((candidate) => client.resolveCodeAction(candidate)))) {
      assert.equal(action.disabled, undefined, action.disabled?.reason);
      assert.ok(action.edit, action.title);
    }
    const migration = (await client.diagnosticItems(uriOf('src/factory.ts'))).filter((diagnostic) => diagnostic.code === 'bedrock/runtime-client');
    assert.ok(migration.every((diagnostic) => (diagnostic.data as { fixable: boolean }).fixable), 'fixable again once nothing holds it back');
  });
});

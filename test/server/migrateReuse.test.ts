// Migrate Workspace shares the workspace report's file analyses (issue #13: it read and analysed every file of the
// workspace on each run, ~3.5x a cold report on the real-world workspace): over a real LSP connection, a migration
// after a report, a report after a migration and a second migration read no unchanged file again (the scans' work
// counters), and each answers exactly what a server that has never seen the workspace answers, also after files
// changed on disk (watcher events sent as VS Code sends them) and with a document open with unsaved edits.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource, DidChangeWatchedFilesNotification, FileChangeType, LSPErrorCodes, ResponseError, WorkDoneProgress,
} from 'vscode-languageserver-protocol';
import { GenerateReportRequest, type GenerateReportResult, MigrateWorkspaceRequest, type MigrateWorkspaceResult } from '../../shared/reportProtocol';
import { DEFAULT_CAPABILITIES, LspTestClient } from '../helpers/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'report', 'workspace', 'api');
const WATCHING = { ...DEFAULT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } };
const NO_WORK = { filesStatted: 0, filesRead: 0, foldersListed: 0 };
const GUARD_CALL = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  'const client = new BedrockRuntimeClient({});',
  "export const ask = () => client.send(new InvokeModelCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', body: JSON.stringify({ prompt: 'hi' }) }));",
  '',
].join('\n');

describe('Migrate Workspace reuses the workspace report\'s analyses', { timeout: 120_000 }, () => {
  let root: string;
  let uri: string;
  let client: LspTestClient;
  const folders = () => [{ uri, name: 'api', filesExclude: [] }];
  const path = (relative: string) => join(root, ...relative.split('/'));

  const migrate = (server: LspTestClient) => server.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: folders() });
  const report = (server: LspTestClient): Promise<GenerateReportResult> => server.connection.sendRequest(GenerateReportRequest.type, {
    workspaceName: 'api', folders: folders(), format: 'json', outputUri: pathToFileURL(path('.bedrock-to-sagemaker/report.json')).href,
  });
  /** What a server that has never seen the workspace answers (the open documents opened in it too). */
  async function coldMigration(open: Array<{ uri: string; languageId: string; text: string }> = []): Promise<MigrateWorkspaceResult> {
    const cold = await LspTestClient.start({ folders: [{ uri, name: 'api' }] });
    try {
      for (const document of open) await cold.open(document.uri, document.languageId, document.text);
      return await migrate(cold);
    } finally {
      await cold.stop();
    }
  }
  /** The result apart from the scan's work counts, with the edit's annotation ids (numbered per server) left out. */
  const outcome = ({ work, edit, ...rest }: MigrateWorkspaceResult) => ({ ...rest, edit: JSON.parse(JSON.stringify(edit).replace(/"annotationId":"[^"]*"/g, '"annotationId":""')) as unknown, workSeen: work !== undefined });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-migrate-reuse-'));
    cpSync(FIXTURE, root, { recursive: true });
    uri = pathToFileURL(root).href;
    client = await LspTestClient.start({ folders: [{ uri, name: 'api' }], capabilities: { workspace: WATCHING } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('a migration after a report reads no file, and answers as a cold server', async () => {
    const first = await report(client);
    assert.ok((first.work?.filesRead ?? 0) > 0, 'the first report reads the files');
    const warm = await migrate(client);
    assert.deepEqual(warm.work, NO_WORK);
    assert.ok(warm.filesChanged > 0, 'the fixture has files to migrate');
    assert.deepEqual(outcome(warm), outcome(await coldMigration()));
  });

  test('a report after a migration, and a second migration, read no file either', async () => {
    assert.deepEqual((await report(client)).work, NO_WORK);
    assert.deepEqual((await migrate(client)).work, NO_WORK);
  });

  test('a file changed on disk is read again, alone, and migrated as it is now', async () => {
    const before = await migrate(client);
    writeFileSync(path('src/guard.ts'), `${readFileSync(path('src/guard.ts'), 'utf8')}\n${GUARD_CALL}`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: `${uri}/src/guard.ts`, type: FileChangeType.Changed }],
    });
    const after = await migrate(client);
    assert.equal(after.work?.filesRead, 1);
    assert.notDeepEqual(outcome(after), outcome(before));
    assert.deepEqual(outcome(after), outcome(await coldMigration()));
  });

  test('a document open with unsaved edits is migrated as it is in the editor, not as the cache has it', async () => {
    // A comment typed at the top: every edit of the file lies one line lower than on disk.
    const chat = { uri: `${uri}/src/chat.ts`, languageId: 'typescript', text: `// asks the model\n${readFileSync(path('src/chat.ts'), 'utf8')}` };
    await client.open(chat.uri, chat.languageId, chat.text);
    try {
      const warm = await migrate(client);
      assert.equal(warm.work?.filesRead, 0, 'the open document is not read from disk, the other files come from the cache');
      const edited = warm.edit.documentChanges?.find((change) => 'textDocument' in change && change.textDocument.uri === chat.uri);
      assert.ok(edited && 'textDocument' in edited && edited.textDocument.version === 1, 'the edit is made against the open version');
      assert.deepEqual(outcome(warm), outcome(await coldMigration([chat])));
    } finally {
      await client.close(chat.uri);
    }
  });

  test('a migration cancelled mid-scan answers RequestCancelled; the next one answers in full', async () => {
    const many = path('generated');
    mkdirSync(many, { recursive: true });
    for (let index = 0; index < 2000; index++) writeFileSync(join(many, `module${index}.ts`), `export const value${index} = ${index};\n`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `${uri}/generated`, type: FileChangeType.Created }] });
    const cancel = new CancellationTokenSource();
    const token = 'migrate-cancelled';
    let scanning!: () => void;
    const firstCount = new Promise<void>((resolve) => { scanning = resolve; });
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (value) => { if (value.kind === 'report') scanning(); });
    const answer = client.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: folders(), workDoneToken: token }, cancel.token)
      .then(() => 'completed', (error: unknown) => error);
    await firstCount;
    cancel.cancel();
    const error = await answer;
    listener.dispose();
    assert.ok(error instanceof ResponseError, `expected a cancellation error, got ${String(error)}`);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    assert.deepEqual(outcome(await migrate(client)), outcome(await coldMigration()));
  });
});

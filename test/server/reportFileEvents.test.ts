// The warm workspace report follows the editor's file events over a real LSP connection: files created, changed and
// deleted between two reports (events sent as VS Code sends them: one didChangeWatchedFiles batch, a created folder as
// one event) show in the second report as in a cold one, and untouched files are neither stat-ed nor read (counted
// by the server's scan work counters). Without watcher support, after settings or .gitignore changes, and with
// report.reuseResults set otherwise, every file's stamp is checked (or every file read) as before.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DidChangeWatchedFilesNotification, DidSaveTextDocumentNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol';
import { GenerateReportRequest, type GenerateReportResult } from '../../shared/reportProtocol';
import { DEFAULT_CAPABILITIES, LspTestClient, type Settings } from '../helpers/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'report', 'workspace', 'api');
const WATCHING = { ...DEFAULT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } };
const BEDROCK_CALL = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  'const client = new BedrockRuntimeClient({});',
  "export const ask = () => client.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', body: '{}' }));",
  '',
].join('\n');

interface Workspace {
  root: string;
  uri: string;
  path(relative: string): string;
  uriOf(relative: string): string;
}

function copyWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'b2s-report-events-'));
  cpSync(FIXTURE, root, { recursive: true });
  const uri = pathToFileURL(root).href;
  return { root, uri, path: (relative) => join(root, ...relative.split('/')), uriOf: (relative) => `${uri}/${relative}` };
}

async function startClient(workspace: Workspace, watching: boolean, settings: Settings = {}): Promise<LspTestClient> {
  return LspTestClient.start({
    folders: [{ uri: workspace.uri, name: 'api' }],
    settings: { '*': settings },
    capabilities: watching ? { workspace: WATCHING } : {},
  });
}

/** The report as JSON (findings with their files), and what the scan did. */
async function report(client: LspTestClient, workspace: Workspace): Promise<{ result: GenerateReportResult; findings: unknown }> {
  const output = workspace.path('.bedrock-to-sagemaker/report.json');
  const result = await client.connection.sendRequest(GenerateReportRequest.type, {
    workspaceName: 'api', folders: [{ uri: workspace.uri, name: 'api', filesExclude: [] }], format: 'json', outputUri: pathToFileURL(output).href,
  });
  const document = JSON.parse(readFileSync(output, 'utf8')) as { findings: unknown; summary?: unknown };
  return { result, findings: document.findings };
}

/** The same workspace reported by a server that has never seen it. */
async function coldReport(workspace: Workspace): Promise<{ result: GenerateReportResult; findings: unknown }> {
  const cold = await startClient(workspace, false);
  try {
    return await report(cold, workspace);
  } finally {
    await cold.stop();
  }
}

function sendEvents(client: LspTestClient, changes: FileEvent[]): Promise<void> {
  return client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

const SCANNED = (result: GenerateReportResult) => result.filesScanned + result.skipped;

describe('warm workspace report from file events', { timeout: 120_000 }, () => {
  let workspace: Workspace;
  let client: LspTestClient;

  before(async () => {
    workspace = copyWorkspace();
    client = await startClient(workspace, true);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  });

  test('registers a watcher for every file when the client supports it', async () => {
    await report(client, workspace);
    assert.ok(client.registrations.includes(DidChangeWatchedFilesNotification.method), JSON.stringify(client.registrations));
  });

  test('an unchanged workspace is reported without a stat, a read or a listing', async () => {
    await report(client, workspace);
    const warm = await report(client, workspace);
    assert.deepEqual(warm.result.work, { filesStatted: 0, filesRead: 0, foldersListed: 0 });
  });

  test('created, changed and deleted files and a created folder show as in a cold report; only they are touched', async () => {
    const before = await report(client, workspace);
    writeFileSync(workspace.path('src/added.ts'), BEDROCK_CALL);
    writeFileSync(workspace.path('src/guard.ts'), `${readFileSync(workspace.path('src/guard.ts'), 'utf8')}\n${BEDROCK_CALL}`);
    unlinkSync(workspace.path('docs/setup.md'));
    // A folder moved in: VS Code reports the folder alone.
    mkdirSync(workspace.path('lib/nested'), { recursive: true });
    writeFileSync(workspace.path('lib/nested/more.ts'), BEDROCK_CALL);
    await sendEvents(client, [
      { uri: workspace.uriOf('src/added.ts'), type: FileChangeType.Created },
      { uri: workspace.uriOf('src/guard.ts'), type: FileChangeType.Changed },
      { uri: workspace.uriOf('docs/setup.md'), type: FileChangeType.Deleted },
      { uri: workspace.uriOf('lib'), type: FileChangeType.Created },
    ]);
    const warm = await report(client, workspace);
    const cold = await coldReport(workspace);
    assert.deepEqual(warm.findings, cold.findings);
    assert.equal(SCANNED(warm.result), SCANNED(cold.result));
    assert.equal(SCANNED(warm.result), SCANNED(before.result) + 1, 'two files more, one less');
    assert.ok(warm.result.findings > before.result.findings);
    // added.ts, guard.ts and lib/nested/more.ts: each stat-ed (for its stamp) and read, nothing else.
    assert.equal(warm.result.work?.filesRead, 3);
    assert.equal(warm.result.work?.filesStatted, 3);
    // The created paths are walked alone: the folders on their way and the new folders, not the tree.
    assert.ok(warm.result.work!.foldersListed <= 5, `listed ${warm.result.work!.foldersListed} folders`);
  });

  test('a deleted folder takes its files out of the report', async () => {
    rmSync(workspace.path('lib'), { recursive: true });
    await sendEvents(client, [{ uri: workspace.uriOf('lib'), type: FileChangeType.Deleted }]);
    const warm = await report(client, workspace);
    const cold = await coldReport(workspace);
    assert.deepEqual(warm.findings, cold.findings);
    assert.equal(warm.result.work?.filesStatted, 0);
  });

  test('a save in the editor counts before the watcher reports it', async () => {
    await report(client, workspace);
    const uri = workspace.uriOf('test/chat.test.ts');
    await client.open(uri, 'typescript', readFileSync(workspace.path('test/chat.test.ts'), 'utf8'));
    await client.change(uri, BEDROCK_CALL);
    writeFileSync(workspace.path('test/chat.test.ts'), BEDROCK_CALL);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const warm = await report(client, workspace);
    assert.deepEqual(warm.findings, (await coldReport(workspace)).findings);
    assert.equal(warm.result.work?.filesRead, 1);
  });

  test('a .gitignore change makes the next report walk and check every file', async () => {
    const before = await report(client, workspace);
    writeFileSync(workspace.path('.gitignore'), `${readFileSync(workspace.path('.gitignore'), 'utf8')}\ntest/\n`);
    await sendEvents(client, [{ uri: workspace.uriOf('.gitignore'), type: FileChangeType.Changed }]);
    const walked = await report(client, workspace);
    assert.deepEqual(walked.findings, (await coldReport(workspace)).findings);
    assert.equal(SCANNED(walked.result), SCANNED(before.result) - 1, 'test/chat.test.ts is ignored now');
    assert.equal(walked.result.work?.filesStatted, SCANNED(walked.result));
    assert.ok(walked.result.work!.foldersListed > 0);
    // The walk is followed by events again.
    assert.equal((await report(client, workspace)).result.work?.filesStatted, 0);
  });

  test('a settings change makes the next report walk and check every file', async () => {
    await report(client, workspace);
    await client.updateSettings('*', { report: { exclude: [] } });
    const walked = await report(client, workspace);
    assert.equal(walked.result.work?.filesStatted, SCANNED(walked.result));
  });
});

/** A fresh copy of the workspace and a server for it, both gone after `run`. */
async function withServer(watching: boolean, settings: Settings, run: (client: LspTestClient, workspace: Workspace) => Promise<void>): Promise<void> {
  const workspace = copyWorkspace();
  const client = await startClient(workspace, watching, settings);
  try {
    await run(client, workspace);
  } finally {
    await client.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  }
}

/** A change no event reports is seen, by checking every file's stamp and reading the changed one only. */
async function assertStampsChecked(client: LspTestClient, workspace: Workspace): Promise<void> {
  await report(client, workspace);
  writeFileSync(workspace.path('src/guard.ts'), BEDROCK_CALL);
  const warm = await report(client, workspace);
  assert.equal(warm.result.work?.filesStatted, SCANNED(warm.result));
  assert.equal(warm.result.work?.filesRead, 1);
  assert.deepEqual(warm.findings, (await coldReport(workspace)).findings);
}

describe('warm workspace report without file events', { timeout: 120_000 }, () => {
  test('a client without watcher support: every file is checked, so a change nobody reported is seen', () => withServer(false, {}, async (client, workspace) => {
    await assertStampsChecked(client, workspace);
    assert.ok(!client.registrations.includes(DidChangeWatchedFilesNotification.method));
  }));

  test('report.reuseResults "modificationTimes" checks every file even when the editor watches', () =>
    withServer(true, { report: { reuseResults: 'modificationTimes' } }, assertStampsChecked));

  test('report.reuseResults "never" reads every file on every report', () => withServer(true, { report: { reuseResults: 'never' } }, async (client, workspace) => {
    await report(client, workspace);
    const again = await report(client, workspace);
    assert.equal(again.result.work?.filesRead, SCANNED(again.result));
  }));

  test('files.watcherExclude over files the report reads: their changes are not reported, so every file is checked', () => withServer(true, {}, async (client, workspace) => {
    const output = pathToFileURL(workspace.path('.bedrock-to-sagemaker/report.json')).href;
    const send = () => client.connection.sendRequest(GenerateReportRequest.type, {
      workspaceName: 'api', folders: [{ uri: workspace.uri, name: 'api', filesExclude: [], filesWatcherExclude: ['**/src/**'] }], format: 'json', outputUri: output,
    });
    await send();
    writeFileSync(workspace.path('src/guard.ts'), BEDROCK_CALL);
    const warm = await send();
    assert.equal(warm.work?.filesStatted, SCANNED(warm));
    assert.equal(warm.work?.filesRead, 1);
  }));
});

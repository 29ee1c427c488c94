// Issue #11 over the protocol: malformed requests (defect 9), syntax errors in the editor (defect 8), the report
// request never overwriting a source (defect 3) and Migrate Workspace leaving out files it may not write (1, 2).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, LSPErrorCodes, ResponseError, type WorkspaceFolder } from 'vscode-languageserver-protocol';
import * as iconv from 'iconv-lite';
import { GenerateReportRequest, MigrateWorkspaceRequest } from '../../shared/reportProtocol';
import { LspTestClient } from '../helpers/lspClient';
import { CHAT_TS } from '../helpers/lspSamples';
import { CONVERSE_TS } from '../cli/support/samples';

const CONVERSE = CONVERSE_TS;
const BROKEN = CONVERSE.replace('ask(text: string) {', 'ask(text: string {');

const invalidParams = (pattern: RegExp) => (error: ResponseError<unknown>) => {
  assert.equal(error.code, ErrorCodes.InvalidParams, error.message);
  assert.match(error.message, pattern);
  assert.doesNotMatch(error.message, /TypeError|\n\s+at /);
  return true;
};

describe('hardening over the protocol (issue #11)', { timeout: 120_000 }, () => {
  let root: string;
  let outside: string;
  let folder: WorkspaceFolder;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-hardening-'));
    outside = mkdtempSync(join(tmpdir(), 'b2s-hardening-outside-'));
    mkdirSync(join(root, 'app', 'src'), { recursive: true });
    writeFileSync(join(root, 'app', 'src', 'chat.ts'), CONVERSE);
    writeFileSync(join(root, 'app', 'src', 'gbk.ts'), iconv.encode(`// 你好\n${CONVERSE}`, 'gbk'));
    writeFileSync(join(root, 'app', 'notes.txt'), 'my notes\n');
    writeFileSync(join(outside, 'linked.ts'), CONVERSE);
    symlinkSync(join(outside, 'linked.ts'), join(root, 'app', 'src', 'linked.ts'));
    folder = { name: 'app', uri: pathToFileURL(join(root, 'app')).href };
    client = await LspTestClient.start({ folders: [folder] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const reportParams = (overrides: Record<string, unknown> = {}) => ({
    workspaceName: 'app', folders: [{ ...folder, filesExclude: [] }], format: 'markdown',
    outputUri: pathToFileURL(join(root, 'app', '.bedrock-to-sagemaker', 'migration-report.md')).href, ...overrides,
  });

  test('9. malformed requests answer InvalidParams naming the field, and the server keeps serving', async () => {
    const send = (method: string, params: unknown) => client.connection.sendRequest(method, params);
    await assert.rejects(send(GenerateReportRequest.method, {}), invalidParams(/workspaceName/));
    await assert.rejects(send(GenerateReportRequest.method, null), invalidParams(/must be an object/));
    await assert.rejects(send(GenerateReportRequest.method, reportParams({ format: 'html' })), invalidParams(/format must be one of markdown, json, sarif/));
    await assert.rejects(send(GenerateReportRequest.method, reportParams({ outputUri: 'untitled:x' })), invalidParams(/outputUri must be a file: URI/));
    await assert.rejects(send(GenerateReportRequest.method, reportParams({ folders: [{ uri: 42 }] })), invalidParams(/folders\[0\]\.uri/));
    await assert.rejects(send(MigrateWorkspaceRequest.method, {}), invalidParams(/folders must be an array/));
    await assert.rejects(send('textDocument/codeAction', { textDocument: { uri: folder.uri } }), invalidParams(/context must be an object/));
    await assert.rejects(send('textDocument/diagnostic', {}), invalidParams(/textDocument must be an object/));
    await assert.rejects(send('codeAction/resolve', { data: 1 }), invalidParams(/title must be a string/));
    const uri = `${folder.uri}/src/open.ts`;
    await client.open(uri, 'typescript', CHAT_TS);
    assert.equal((await client.diagnosticItems(uri)).length, 5);
    assert.ok(client.isAlive);
  });

  test('8. a file with a syntax error says so, offers no "Migrate this file", and its fix-all explains why', async () => {
    const uri = `${folder.uri}/src/broken.ts`;
    await client.open(uri, 'typescript', BROKEN);
    const diagnostics = await client.diagnosticItems(uri);
    const converse = diagnostics.find((diagnostic) => diagnostic.code === 'bedrock/converse');
    assert.ok(converse, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
    assert.match(String(converse.message), /syntax errors; fixes wait until it parses/);
    const range = { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } };
    const actions = await client.codeActions(uri, range, diagnostics, ['source.migrateFile.bedrockToSagemaker', 'source.fixAll.bedrockToSagemaker']);
    assert.deepEqual(actions.map((action) => action.title), []);
    const resolved = await client.resolveCodeAction({ title: 'Fix all', data: { fileAction: 'fixAll', uri, version: 1 } });
    assert.equal(resolved.edit, undefined);
    assert.match(resolved.disabled?.reason ?? '', /syntax errors; fixes wait until it parses/);
    assert.doesNotMatch(resolved.disabled?.reason ?? '', /Nothing in this file can be migrated/);
  });

  test('3. the report request never overwrites a scanned file or a foreign file', async () => {
    const send = (overrides: Record<string, unknown>) => client.connection.sendRequest(GenerateReportRequest.type, reportParams(overrides) as never);
    const onSource = pathToFileURL(join(root, 'app', 'src', 'chat.ts')).href;
    for (const overwrite of [false, true]) {
      await assert.rejects(send({ outputUri: onSource, overwrite }), (error: ResponseError<unknown>) =>
        error.code === LSPErrorCodes.RequestFailed && /one of the scanned files/.test(error.message));
    }
    assert.equal(readFileSync(join(root, 'app', 'src', 'chat.ts'), 'utf8'), CONVERSE);
    await assert.rejects(send({ outputUri: pathToFileURL(join(root, 'app', 'notes.txt')).href }), /not a report written by this tool/);
    assert.equal(readFileSync(join(root, 'app', 'notes.txt'), 'utf8'), 'my notes\n');
    await assert.rejects(send({ outputUri: pathToFileURL(join(outside, 'report.md')).href }), /outside the workspace folders/);
    const written = await send({});
    assert.ok(written.findings > 0);
    assert.ok((await send({})).findings > 0, 'an earlier report is replaced');
  });

  test('1, 2. Migrate Workspace leaves out a link pointing out of the folder and a file that is not UTF-8, saying why', async () => {
    const result = await client.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: [{ ...folder, filesExclude: [] }] });
    const changed = result.files.map((file) => file.label).sort();
    assert.ok(changed.includes('src/chat.ts'), JSON.stringify(changed));
    assert.ok(!changed.includes('src/linked.ts'), 'a link out of the folder is not migrated');
    assert.ok(!changed.includes('src/gbk.ts'), 'a GBK file is not handed to the editor as UTF-8');
    const remaining = (name: string) => result.remaining.filter((finding) => finding.uri.endsWith(name)).map((finding) => finding.message).join('\n');
    assert.match(remaining('/src/linked.ts'), /Not migrated: not written: it resolves to .*outside/);
    assert.match(remaining('/src/gbk.ts'), /Not migrated: the file is not valid UTF-8/);
  });
});

describe('created files stay inside the workspace folder once links are followed (issue #11, 2)', { timeout: 60_000 }, () => {
  let root: string;
  let outside: string;
  let client: LspTestClient;
  let folder: WorkspaceFolder;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-hardening-link-'));
    outside = mkdtempSync(join(tmpdir(), 'b2s-hardening-link-outside-'));
    mkdirSync(join(root, 'app', 'src'), { recursive: true });
    symlinkSync(outside, join(root, 'app', 'lib'));
    writeFileSync(join(root, 'app', 'src', 'chat.ts'), CONVERSE);
    folder = { name: 'app', uri: pathToFileURL(join(root, 'app')).href };
    client = await LspTestClient.start({ folders: [folder], settings: { [folder.uri]: { adapterPath: 'lib/sagemaker-converse.ts' } } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('"Migrate this file" refuses an adapterPath under a linked folder that points out', async () => {
    const uri = `${folder.uri}/src/chat.ts`;
    await client.open(uri, 'typescript', CONVERSE);
    const diagnostics = await client.diagnosticItems(uri);
    const range = { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } };
    const [action] = await client.codeActions(uri, range, diagnostics, ['source.migrateFile.bedrockToSagemaker']);
    assert.ok(action, 'the action is offered (it is resolved lazily)');
    const resolved = await client.resolveCodeAction(action);
    assert.equal(resolved.edit, undefined);
    assert.match(resolved.disabled?.reason ?? '', /outside the workspace folder/);
    const migration = await client.connection.sendRequest(MigrateWorkspaceRequest.type, { folders: [{ ...folder, filesExclude: [] }] });
    assert.deepEqual(migration.filesCreated, []);
    assert.deepEqual(migration.files, []);
    assert.match(migration.remaining.map((finding) => finding.message).join('\n'), /Not migrated: it needs lib\/sagemaker-converse\.ts: not written: it resolves to .*outside/);
    assert.deepEqual(readdirSync(outside), [], 'nothing was created outside');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';
import { CHAT_TS, FOLDER_A } from '../helpers/lspSamples';

const SECRET = 'endpoint-name-that-must-never-be-logged';

/** About 5 MB of one-line minified JavaScript that starts with a Bedrock client. */
function minifiedBundle(): string {
  const head = 'var b=require("@aws-sdk/client-bedrock-runtime");var c=new b.BedrockRuntimeClient({region:"us-east-1"});';
  const parts: string[] = [head];
  let length = head.length;
  for (let i = 0; length < 5 * 1024 * 1024; i++) {
    const part = `function f${i}(a,b){return a+b*${i}||"x${i}"}`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

async function assertStillAnswers(client: LspTestClient): Promise<void> {
  const uri = `${FOLDER_A.uri}/alive-${Math.random().toString(36).slice(2)}.ts`;
  await client.open(uri, 'typescript', CHAT_TS);
  assert.equal((await client.diagnosticItems(uri)).length, 5);
  assert.ok(client.isAlive);
}

describe('robustness', { timeout: 120_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({
      folders: [FOLDER_A],
      settings: { '*': { endpoints: { 'meta.*': { endpointName: SECRET } } } },
    });
  });
  after(async () => { await client.stop(); });

  test('a binary document gets one Information diagnostic at 0:0 saying why it was skipped', async () => {
    const uri = `${FOLDER_A.uri}/image.ts`;
    await client.open(uri, 'typescript', `\u0000\u0001PNG\u0000${CHAT_TS}`);
    const items = await client.diagnosticItems(uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].code, 'skipped/binary');
    assert.equal(items[0].severity, 3);
    assert.deepEqual(items[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(items[0].message), /binary/);
    await assertStillAnswers(client);
  });

  test('a 5 MB minified document over the size limit is skipped with a reason', async () => {
    const uri = `${FOLDER_A.uri}/dist/bundle.min.js`;
    await client.open(uri, 'javascript', minifiedBundle());
    const items = await client.diagnosticItems(uri);
    assert.deepEqual(items.map((item) => item.code), ['skipped/too-large']);
    await assertStillAnswers(client);
  });

  test('the same document is analysed when the limit allows it, without crashing the server', async () => {
    const refreshed = client.nextRefresh();
    await client.updateSettings('*', { maxFileSizeKb: 8192, endpoints: { 'meta.*': { endpointName: SECRET } } });
    await refreshed;
    const items = await client.diagnosticItems(`${FOLDER_A.uri}/dist/bundle.min.js`);
    assert.deepEqual(items.map((item) => item.code), ['bedrock/import', 'bedrock/runtime-client', 'bedrock/client-region']);
    await assertStillAnswers(client);
  });

  test('pathologically nested code does not take the server down', async () => {
    const uri = `${FOLDER_A.uri}/nested.ts`;
    await client.open(uri, 'typescript', `const x = ${'('.repeat(40_000)}"meta.llama3-8b-instruct-v1:0"${')'.repeat(40_000)};`);
    const report = await client.diagnostics(uri);
    assert.equal(report.kind, 'full');
    await assertStillAnswers(client);
  });

  test('a cancelled diagnostic request is answered as cancelled, and the next one is served', async () => {
    const uri = `${FOLDER_A.uri}/cancelled.ts`;
    await client.open(uri, 'typescript', CHAT_TS);
    const release = client.holdConfiguration();
    const asked = client.nextConfigurationRequest(uri);
    const source = new CancellationTokenSource();
    const pending = client.diagnostics(uri, undefined, source);
    await asked; // the server is now waiting for settings, mid-request
    source.cancel();
    // Answer a round trip so the $/cancelRequest is known to have reached the server before settings arrive.
    await client.findings('file:///not-open.ts');
    release();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    assert.equal((await client.diagnosticItems(uri)).length, 5);
  });

  test('malformed requests are answered, not fatal', async () => {
    const uri = `${FOLDER_A.uri}/src/chat.ts`;
    await client.open(uri, 'typescript', CHAT_TS);
    const bogus = {
      range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, message: 'x',
      source: 'bedrock-to-sagemaker', data: { ruleId: 'bedrock/import', version: 1, fixable: true },
    };
    const actions = await client.codeActions(uri, bogus.range, [bogus]);
    assert.ok(Array.isArray(actions));
    await assert.rejects(client.connection.sendRequest('bedrockToSagemaker/findings', {}), (error: ResponseError<unknown>) =>
      error.code === ErrorCodes.InvalidParams && /params\.uri must be/.test(error.message));
    const resolved = await client.resolveCodeAction({ title: 'not ours', data: { fileAction: 'fixAll', uri: 42 } });
    assert.equal(resolved.edit, undefined);
    await assertStillAnswers(client);
  });

  test('nothing the server logged contains a settings value', () => {
    assert.ok(client.logs.every((line) => !line.includes(SECRET)));
    assert.ok(!client.serverStderr.includes(SECRET));
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { CHAT_TS, FOLDER_A, FOLDER_B } from '../helpers/lspSamples';

const regionOf = (items: Diagnostic[]) =>
  (items.find((item) => item.code === 'bedrock/client-region')?.data as { targetRegion?: string } | undefined)?.targetRegion;

describe('settings per resource', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  const uriA = `${FOLDER_A.uri}/src/chat.ts`;
  const uriB = `${FOLDER_B.uri}/src/chat.ts`;

  before(async () => {
    client = await LspTestClient.start({
      folders: [FOLDER_A, FOLDER_B],
      settings: { '*': { targetRegion: 'cn-northwest-1' }, [FOLDER_B.uri]: { targetRegion: 'cn-north-1' } },
    });
    await client.open(uriA, 'typescript', CHAT_TS);
    await client.open(uriB, 'typescript', CHAT_TS);
  });
  after(async () => { await client.stop(); });

  test('multi-root: each document is analysed with its own folder settings by one server', async () => {
    const [itemsA, itemsB] = await Promise.all([client.diagnosticItems(uriA), client.diagnosticItems(uriB)]);
    assert.equal(regionOf(itemsA), 'cn-northwest-1');
    assert.equal(regionOf(itemsB), 'cn-north-1');
    assert.match(String(itemsB.find((item) => item.code === 'bedrock/import')?.message), /cn-north-1\b/);
    const scopes = client.configurationRequests.filter((request) => request.section === 'bedrockToSagemaker').map((request) => request.scopeUri);
    assert.ok(scopes.includes(uriA) && scopes.includes(uriB), 'settings are requested with the document as scopeUri');
  });

  test('a configuration change asks the client to re-pull, and new results use the new settings', async () => {
    const refreshed = client.nextRefresh();
    await client.updateSettings('*', { targetRegion: 'cn-north-1', rules: { 'bedrock/model-id': 'off', 'bedrock/import': 'error' } });
    await refreshed;
    const items = await client.diagnosticItems(uriA);
    assert.equal(regionOf(items), 'cn-north-1', 'the new target region is used');
    assert.ok(!items.some((item) => item.code === 'bedrock/model-id'), 'a rule set to off is not reported');
    assert.equal(items.find((item) => item.code === 'bedrock/import')?.severity, 1, 'a severity override applies');
  });

  test('a configuration change also re-reads the language setting', async () => {
    const refreshed = client.nextRefresh();
    await client.updateSettings('*', { targetRegion: 'cn-northwest-1', language: 'en' });
    await refreshed;
    assert.ok(client.configurationRequests.some((request) => request.section === 'bedrockToSagemaker.language' && request.scopeUri === undefined));
    assert.equal(regionOf(await client.diagnosticItems(uriA)), 'cn-northwest-1');
  });

  test('an unchanged result id is not reused after the environment changed', async () => {
    const before = await client.diagnostics(uriA);
    const refreshed = client.nextRefresh();
    await client.updateSettings('*', { targetRegion: 'cn-northwest-1', language: 'en' });
    await refreshed;
    const after = await client.diagnostics(uriA, before.resultId);
    assert.equal(after.kind, 'full');
  });

  test('adding a workspace folder triggers a refresh and its settings apply to its documents', async () => {
    const folderC = { uri: 'file:///workspace/service-c', name: 'service-c' };
    const uriC = `${folderC.uri}/chat.ts`;
    await client.open(uriC, 'typescript', CHAT_TS);
    assert.equal(regionOf(await client.diagnosticItems(uriC)), 'cn-northwest-1');
    const refreshed = client.nextRefresh();
    await client.updateSettings(folderC.uri, { targetRegion: 'cn-north-1' });
    await refreshed;
    const refreshedAgain = client.nextRefresh();
    await client.changeWorkspaceFolders([folderC], []);
    await refreshedAgain;
    assert.equal(regionOf(await client.diagnosticItems(uriC)), 'cn-north-1');
  });

  test('a null configuration reply falls back to the defaults', async () => {
    const refreshed = client.nextRefresh();
    await client.updateSettings('*', { targetRegion: 'not-a-region', rules: null, endpoints: 'nonsense' });
    await refreshed;
    assert.equal(regionOf(await client.diagnosticItems(uriA)), 'cn-northwest-1');
  });
});

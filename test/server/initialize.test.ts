import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

describe('initialize', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start(); });
  after(async () => { await client.stop(); });

  test('declares pull diagnostics with our identifier and no push', () => {
    const { capabilities } = client.initializeResult;
    assert.deepEqual(capabilities.diagnosticProvider, {
      identifier: 'bedrockToSagemaker', interFileDependencies: false, workspaceDiagnostics: false,
    });
  });

  test('declares code actions with our kinds and lazy resolve', () => {
    assert.deepEqual(client.initializeResult.capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.bedrockToSagemaker', 'source.migrateFile.bedrockToSagemaker'],
      resolveProvider: true,
    });
  });

  test('syncs incrementally, hears saves, and follows workspace folders', () => {
    const { capabilities } = client.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  test('registers for configuration changes after initialized', async () => {
    // The registration request races the test; a diagnostics round trip orders it before our check.
    await client.diagnostics('file:///not-open.ts');
    assert.ok(client.registrations.includes('workspace/didChangeConfiguration'));
  });
});

// bedrock/ai-sdk over a real LSP connection: `fixable` on each diagnostic is what fix-all does in that file, and the
// fix creates the SageMaker provider module and rewrites the call sites.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

const MIGRATABLE = [
  'import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";',
  'import { generateText } from "ai";',
  'const bedrock = createAmazonBedrock({ region: "us-east-1" });',
  'export const ask = (prompt: string) => generateText({ model: bedrock("meta.llama3-8b-instruct-v1:0"), prompt });',
  '',
].join('\n');

const WITH_EMBEDDING = [
  'import { bedrock } from "@ai-sdk/amazon-bedrock";',
  'import { embed, generateText } from "ai";',
  'export const ask = (prompt: string) => generateText({ model: bedrock("meta.llama3-8b-instruct-v1:0"), prompt });',
  'export const vector = (value: string) => embed({ model: bedrock.embedding("amazon.titan-embed-text-v2:0"), value });',
  '',
].join('\n');

const fixable = (diagnostic: Diagnostic) => (diagnostic.data as { fixable: boolean }).fixable;

describe('Vercel AI SDK fix over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start({ folders: [FOLDER_A] }); });
  after(async () => { await client.stop(); });

  test('a provider the fix migrates: its import, factory, region and model call are fixable, the model id note is not', async () => {
    const uri = `${FOLDER_A.uri}/src/assistant.ts`;
    await client.open(uri, 'typescript', MIGRATABLE);
    const items = await client.diagnosticItems(uri);
    assert.deepEqual(items.map((item) => [item.code, fixable(item)]), [
      ['bedrock/import', true], ['bedrock/ai-sdk', true], ['bedrock/client-region', true], ['bedrock/ai-sdk', true], ['bedrock/model-id', false],
    ]);
    const [fixAll] = await client.codeActions(uri, WHOLE_FILE, items, ['source.fixAll']);
    const resolved = await client.resolveCodeAction(fixAll);
    const changes = resolved.edit?.documentChanges ?? [];
    assert.ok(changes.some((change) => 'kind' in change && change.kind === 'create' && change.uri === `${FOLDER_A.uri}/src/sagemaker-ai-sdk-provider.ts`), 'creates the provider module');
    const own = changes.find((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri);
    const written = own?.edits.map((edit) => ('newText' in edit ? edit.newText : '')) ?? [];
    for (const expected of ['"./sagemaker-ai-sdk-provider"', 'createSageMaker', '"cn-northwest-1"', '"TODO-endpoint-for-meta.llama3-8b-instruct-v1:0"']) {
      assert.ok(written.includes(expected), `the fix writes ${expected}: ${JSON.stringify(written)}`);
    }
  });

  test('an embedding model in the file: nothing is fixable, each message says why, and no fix is offered', async () => {
    const uri = `${FOLDER_A.uri}/src/vectors.ts`;
    await client.open(uri, 'typescript', WITH_EMBEDDING);
    const items = await client.diagnosticItems(uri);
    const aiSdk = items.filter((item) => item.code === 'bedrock/ai-sdk' || item.code === 'bedrock/import');
    assert.equal(aiSdk.length, 3);
    assert.ok(aiSdk.every((item) => !fixable(item) && /Not fixed automatically: .*embedding models have no counterpart/.test(String(item.message))), aiSdk.map((item) => String(item.message)).join('\n'));
    assert.deepEqual(await client.codeActions(uri, WHOLE_FILE, items, ['source.fixAll']), []);
    const call = items.find((item) => item.code === 'bedrock/ai-sdk')!;
    const actions = await client.codeActions(uri, call.range, [call], ['quickfix']);
    assert.deepEqual(actions.filter((action) => action.edit !== undefined).map((action) => action.title), []);
  });
});

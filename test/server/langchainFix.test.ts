// Issue #16 over a real LSP connection: a LangChain chat model's diagnostics say `fixable` exactly as the engine
// refines it for the file, and the preferred quick fix of a fixable one is the file migration that writes the
// SageMaker chat model module.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine/analyze';
import { refineFixability } from '../../server/src/engine/fixes';
import { normalizeSettings } from '../../server/src/engine/settings';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';

const OPEN_WEIGHT = [
  'import { ChatBedrockConverse } from "@langchain/aws";',
  'const model = new ChatBedrockConverse({ model: "meta.llama3-8b-instruct-v1:0", region: "us-east-1", maxTokens: 64 });',
  'export const answer = await model.invoke("Where is Lhasa?");',
  '',
].join('\n');

const CLOSED_WEIGHT = OPEN_WEIGHT.replace('meta.llama3-8b-instruct-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0');

function fixableByRule(items: Diagnostic[]): Array<[string, boolean]> {
  return items.map((item) => [String(item.code), (item.data as { fixable: boolean }).fixable]);
}

describe('LangChain chat model fix over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start({ folders: [FOLDER_A] }); });
  after(async () => { await client.stop(); });

  for (const [name, text] of [['open-weight', OPEN_WEIGHT], ['closed-weight', CLOSED_WEIGHT]] as const) {
    test(`${name}: each diagnostic's fixable flag and message are the engine's refined finding's`, async () => {
      const path = `src/${name}.ts`;
      const uri = `${FOLDER_A.uri}/${path}`;
      await client.open(uri, 'typescript', text);
      const items = await client.diagnosticItems(uri);
      const input = { text, languageId: 'typescript' as const, settings: normalizeSettings({}), fileName: path, workspaceRelativePath: path };
      const expected = refineFixability(input, analyze(input).findings);
      assert.deepEqual(
        items.map((item) => [item.code, (item.data as { fixable: boolean }).fixable, item.message]),
        expected.map((finding) => [finding.ruleId, finding.fixable, finding.message]),
      );
      const langchain = fixableByRule(items).filter(([rule]) => rule === 'bedrock/langchain' || rule === 'bedrock/import' || rule === 'bedrock/client-region');
      assert.deepEqual(langchain.map(([, fixable]) => fixable), name === 'open-weight' ? [true, true, true] : [false, false, false]);
    });
  }

  test('the preferred quick fix of the chat model migrates the file and creates the chat model module', async () => {
    const uri = `${FOLDER_A.uri}/src/open-weight.ts`;
    const items = await client.diagnosticItems(uri);
    const chat = items.find((item) => item.code === 'bedrock/langchain')!;
    const quickFix = (await client.codeActions(uri, chat.range, [chat], ['quickfix'])).find((action) => action.isPreferred);
    assert.ok(quickFix, 'a preferred quick fix');
    const changes = quickFix.edit?.documentChanges ?? [];
    const module = `${FOLDER_A.uri}/src/sagemaker-chat-model.ts`;
    assert.ok(changes.some((change) => 'kind' in change && change.kind === 'create' && change.uri === module), 'creates the module');
    const own = changes.find((change) => 'textDocument' in change && change.textDocument.uri === uri) as TextDocumentEdit | undefined;
    const newTexts = own?.edits.map((edit) => ('newText' in edit ? edit.newText : '')).join('\n') ?? '';
    assert.match(newTexts, /SageMakerChatModel/);
    assert.match(newTexts, /\.\/sagemaker-chat-model/);
  });

  test('the closed-weight chat model gets the migration note, not a migration', async () => {
    const uri = `${FOLDER_A.uri}/src/closed-weight.ts`;
    const items = await client.diagnosticItems(uri);
    const chat = items.find((item) => item.code === 'bedrock/langchain')!;
    assert.match(String(chat.message), /no open weights/);
    const actions = await client.codeActions(uri, chat.range, [chat], ['quickfix']);
    assert.ok(actions.every((action) => !action.edit?.documentChanges?.some((change) => 'kind' in change && change.kind === 'create')));
  });
});

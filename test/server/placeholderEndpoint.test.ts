// Issue #12: a placeholder endpoint name written by an earlier fix ("TODO-endpoint-for-<model id>") gets the quick
// fix "Use endpoint 'X'" once bedrockToSagemaker.endpoints maps its model id; fix-all applies it too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';

const TODO = "  // TODO(bedrock-to-sagemaker): put the name of the SageMaker endpoint that serves 'meta.llama3-8b-instruct-v1:0' in place of 'TODO-endpoint-for-meta.llama3-8b-instruct-v1:0' (mapping the model id in the bedrockToSagemaker.endpoints setting before migrating fills it in).\n";
const MIGRATED = [
  'import { SageMakerRuntimeClient, InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";',
  'const client = new SageMakerRuntimeClient({ region: "cn-north-1" });',
  'export async function ask(question: string) {',
  `${TODO}  return client.send(new InvokeEndpointCommand({`,
  "    EndpointName: 'TODO-endpoint-for-meta.llama3-8b-instruct-v1:0',",
  '    Body: JSON.stringify({ inputs: question }),',
  '  }));',
  '}',
  '',
].join('\n');
const FIXED = MIGRATED.replace(TODO, '').replace("'TODO-endpoint-for-meta.llama3-8b-instruct-v1:0',", "'shared-llm',\n    InferenceComponentName: 'llama3-ic',");
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };

function applied(action: CodeAction | undefined, uri: string): string {
  const change = action?.edit?.documentChanges?.find((candidate) => 'textDocument' in candidate && candidate.textDocument.uri === uri) as TextDocumentEdit | undefined;
  assert.ok(change, `no edit of ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, MIGRATED), change.edits as TextEdit[]);
}

describe('placeholder endpoint names over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];
  const uri = `${FOLDER_A.uri}/src/ask.ts`;
  before(async () => {
    client = await LspTestClient.start({
      folders: [FOLDER_A],
      settings: { '*': { targetRegion: 'cn-north-1', endpoints: { 'meta.llama3-*': { endpointName: 'shared-llm', inferenceComponentName: 'llama3-ic' } } } },
    });
    await client.open(uri, 'typescript', MIGRATED);
    diagnostics = await client.diagnosticItems(uri);
  });
  after(async () => { await client.stop(); });

  test('the placeholder is reported, fixable, and its quick fix "Use endpoint" fills in the mapping', async () => {
    const placeholder = diagnostics.find((diagnostic) => String(diagnostic.message).includes("is mapped to endpoint 'shared-llm'"));
    assert.ok(placeholder, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.message)));
    assert.equal(placeholder.code, 'bedrock/migration-todo');
    assert.equal((placeholder.data as { fixable: boolean }).fixable, true);
    const actions = await client.codeActions(uri, placeholder.range, [placeholder], ['quickfix']);
    const use = actions.find((action) => action.title === "Use endpoint 'shared-llm'");
    assert.ok(use, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(use.isPreferred, true);
    assert.equal(applied(use, uri), FIXED);
  });

  test("the placeholder's own TODO comment is fixable by the same quick fix; the file's other findings are not", async () => {
    const todo = diagnostics.find((diagnostic) => String(diagnostic.message).includes("serves 'meta.llama3-8b-instruct-v1:0'"));
    assert.ok(todo);
    assert.equal((todo.data as { fixable: boolean }).fixable, true);
    const actions = await client.codeActions(uri, todo.range, [todo], ['quickfix']);
    assert.equal(applied(actions.find((action) => action.title === "Use endpoint 'shared-llm'"), uri), FIXED);
    assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.message)));
  });

  test('fix-all on the migrated file applies it too', async () => {
    const [fixAll] = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['source.fixAll']);
    assert.ok(fixAll, 'fix-all offered');
    assert.equal(applied(await client.resolveCodeAction(fixAll), uri), FIXED);
  });
});

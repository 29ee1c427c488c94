// package.json over the protocol: diagnostics on the Bedrock dependencies, the "Add @aws-sdk/client-sagemaker-runtime"
// quick fix and fix-all as versioned minimal edits, and no analysis of other JSON documents.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A, locate } from '../helpers/lspSamples';

const RUNTIME = '@aws-sdk/client-bedrock-runtime';
const SAGEMAKER = '@aws-sdk/client-sagemaker-runtime';
const PACKAGE_JSON = [
  '{',
  '  "name": "service-a",',
  '  "dependencies": {',
  `    "${RUNTIME}": "^3.700.0",`,
  '    "@aws-sdk/client-bedrock-agent-runtime": "^3.700.0",',
  '    "zod": "^3.23.0"',
  '  }',
  '}',
  '',
].join('\n');

function applyOwnEdit(action: CodeAction | undefined, uri: string, text: string): string {
  const change = action?.edit?.documentChanges?.find((candidate) => 'textDocument' in candidate && candidate.textDocument.uri === uri) as TextDocumentEdit | undefined;
  assert.ok(change, `${action?.title} edits ${uri}`);
  assert.equal(change.textDocument.version, 1);
  return TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), change.edits.filter((edit): edit is TextEdit => 'newText' in edit));
}

describe('package.json over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];
  const uri = `${FOLDER_A.uri}/package.json`;
  const expectedFix = PACKAGE_JSON.replace(`"${RUNTIME}": "^3.700.0",\n`, `"${RUNTIME}": "^3.700.0",\n    "${SAGEMAKER}": "^3.700.0",\n`);

  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A] });
    await client.open(uri, 'json', PACKAGE_JSON);
    diagnostics = await client.diagnosticItems(uri);
  });
  after(async () => { await client.stop(); });

  test('a diagnostic on each Bedrock package name, with the rule id, and fixable only for the runtime client', () => {
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, (diagnostic.data as { fixable: boolean }).fixable]), [
      ['bedrock/dependency', rangeOf(`"${RUNTIME}"`), true],
      ['bedrock/dependency', rangeOf('"@aws-sdk/client-bedrock-agent-runtime"'), false],
    ]);
    assert.equal(diagnostics[0].source, 'bedrock-to-sagemaker');
    assert.equal(diagnostics[0].severity, 2);
  });

  test('the preferred quick fix adds the SageMaker Runtime client after the Bedrock one', async () => {
    const actions = await client.codeActions(uri, diagnostics[0].range, [diagnostics[0]], ['quickfix']);
    const fix = actions.find((action) => action.isPreferred);
    assert.equal(fix?.title, `Add ${SAGEMAKER}`);
    assert.equal(applyOwnEdit(fix, uri, PACKAGE_JSON), expectedFix);
    assert.ok(actions.some((action) => action.command?.command === 'bedrockToSagemaker.explainRule'));
    const other = await client.codeActions(uri, diagnostics[1].range, [diagnostics[1]], ['quickfix']);
    assert.deepEqual(other.map((action) => action.title), ['Explain this finding (bedrock/dependency)'], 'no fix for a package without equivalent');
  });

  test('fix-all resolves to the same edit', async () => {
    const [fixAll] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, diagnostics, ['source.fixAll']);
    assert.ok(fixAll, 'fix-all offered');
    assert.equal(applyOwnEdit(await client.resolveCodeAction(fixAll), uri, PACKAGE_JSON), expectedFix);
  });

  test('other JSON documents, and a package.json under node_modules, are not analysed', async () => {
    for (const other of [`${FOLDER_A.uri}/tsconfig.json`, `${FOLDER_A.uri}/node_modules/x/package.json`, `${FOLDER_A.uri}/my-package.json`]) {
      await client.open(other, 'json', PACKAGE_JSON);
      assert.deepEqual(await client.diagnosticItems(other), [], other);
    }
  });
});

function rangeOf(needle: string) {
  const { line, start, end } = locate(PACKAGE_JSON, needle);
  return { start: { line, character: start }, end: { line, character: end } };
}

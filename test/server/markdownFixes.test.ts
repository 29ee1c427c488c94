// Markdown over the protocol: findings inside fences, and quick fixes whose edits land inside the fence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';

const RUNBOOK = [
  '# Runbook',
  '',
  '```bash',
  'aws bedrock-runtime invoke-model --model-id meta.llama3-1-8b-instruct-v1:0 --body \'{"prompt": "ping"}\' --cli-binary-format raw-in-base64-out out.json',
  '```',
  '',
  '```ts',
  'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";',
  'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
  '```',
  '',
].join('\n');

describe('Markdown documents over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];
  const uri = `${FOLDER_A.uri}/docs/runbook.md`;
  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A] });
    await client.open(uri, 'markdown', RUNBOOK);
    diagnostics = await client.diagnosticItems(uri);
  });
  after(async () => { await client.stop(); });

  test('findings in shell and TypeScript fences carry their exact ranges in the .md file', () => {
    const cli = diagnostics.find((diagnostic) => diagnostic.code === 'bedrock/cli-command');
    assert.ok(cli, 'the AWS CLI call is reported');
    assert.equal(cli.range.start.line, 3);
    const region = diagnostics.find((diagnostic) => diagnostic.code === 'bedrock/client-region');
    assert.ok(region, 'the TypeScript fence is analysed');
    const lines = RUNBOOK.split('\n');
    assert.equal(lines[region.range.start.line].slice(region.range.start.character, region.range.end.character), '"us-east-1"');
  });

  for (const rule of ['bedrock/cli-command', 'bedrock/client-region']) {
    test(`the ${rule} quick fix edits only inside its fence`, async () => {
      const diagnostic = diagnostics.find((candidate) => candidate.code === rule)!;
      const actions = await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
      const fix = actions.find((action) => action.isPreferred);
      assert.ok(fix, `a preferred fix for ${rule}`);
      const edit = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
      const fence = rule === 'bedrock/cli-command' ? { first: 3, last: 3 } : { first: 7, last: 8 };
      for (const change of edit.edits) {
        assert.ok(change.range.start.line >= fence.first && change.range.end.line <= fence.last, JSON.stringify(change.range));
      }
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, RUNBOOK), edit.edits as TextEdit[]);
      if (rule === 'bedrock/cli-command') assert.match(fixed, /aws sagemaker-runtime invoke-endpoint/);
      else assert.match(fixed, /region: "cn-northwest-1"/);
      assert.equal(fixed.split('\n')[2], '```bash', 'the fence markers are untouched');
    });
  }
});

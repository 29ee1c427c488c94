import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine/analyze';
import { refineFixability } from '../../server/src/engine/fixes';
import { normalizeSettings } from '../../server/src/engine/settings';
import { LspTestClient } from '../helpers/lspClient';
import { CHAT_TS, FOLDER_A, NO_BEDROCK_TS, locate } from '../helpers/lspSamples';

const RULES_DOC = 'https://github.com/bedrock-to-sagemaker/bedrock-to-sagemaker/blob/main/docs/rules.md';

function summary(diagnostic: Diagnostic) {
  const { range, code, severity } = diagnostic;
  return { line: range.start.line, start: range.start.character, end: range.end.character, code, severity };
}

function expected(text: string, needle: string, line: number, code: string, severity: number) {
  const at = locate(text, needle, line);
  return { line: at.line, start: at.start, end: at.end, code, severity };
}

describe('pull diagnostics', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  const uri = `${FOLDER_A.uri}/src/chat.ts`;
  before(async () => { client = await LspTestClient.start({ folders: [FOLDER_A] }); });
  after(async () => { await client.stop(); });

  test('an opened TypeScript file gets one diagnostic per finding, at exact ranges', async () => {
    await client.open(uri, 'typescript', CHAT_TS);
    const items = await client.diagnosticItems(uri);
    assert.deepEqual(items.map(summary), [
      expected(CHAT_TS, '"@aws-sdk/client-bedrock-runtime"', 0, 'bedrock/import', 2),
      expected(CHAT_TS, 'BedrockRuntimeClient', 1, 'bedrock/runtime-client', 1),
      expected(CHAT_TS, '"us-east-1"', 1, 'bedrock/client-region', 2),
      expected(CHAT_TS, 'ConverseCommand', 2, 'bedrock/converse', 1),
      expected(CHAT_TS, 'meta.llama3-8b-instruct-v1:0', 2, 'bedrock/model-id', 2),
    ]);
  });

  test('each diagnostic carries source, rule docs and the fix data, and no document version', async () => {
    const [importDiagnostic] = await client.diagnosticItems(uri);
    assert.equal(importDiagnostic.source, 'bedrock-to-sagemaker');
    assert.equal(importDiagnostic.codeDescription?.href, `${RULES_DOC}#bedrock-import`);
    assert.match(String(importDiagnostic.message), /client-bedrock-runtime/);
    assert.deepEqual(importDiagnostic.data, {
      ruleId: 'bedrock/import', module: '@aws-sdk/client-bedrock-runtime', service: 'runtime',
      category: 'has-equivalent', equivalent: '@aws-sdk/client-sagemaker-runtime', fixable: true,
    });
  });

  test('the same version and environment answers "unchanged" to its own result id', async () => {
    // The server bumps its environment once when the Python grammar finishes loading (it may land between two
    // pulls on a cold machine); after that, the same version must be answered "unchanged".
    for (let attempt = 1; ; attempt++) {
      const first = await client.diagnostics(uri);
      assert.equal(first.kind, 'full');
      assert.ok(first.resultId);
      const second = await client.diagnostics(uri, first.resultId);
      if (second.kind === 'full' && attempt < 3) continue;
      assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
      return;
    }
  });

  test('a change produces a new result for the new version, never the old one', async () => {
    const before = await client.diagnostics(uri);
    const withoutCall = CHAT_TS.split('\n').slice(0, 2).join('\n');
    await client.change(uri, withoutCall);
    const after = await client.diagnostics(uri, before.resultId);
    assert.equal(after.kind, 'full');
    if (after.kind !== 'full') return;
    assert.notEqual(after.resultId, before.resultId);
    assert.deepEqual(after.items.map((item) => item.code), ['bedrock/import', 'bedrock/runtime-client', 'bedrock/client-region']);
  });

  test('fixable on each diagnostic is what the fix engine can do in this file, and the message says why not', async () => {
    const blockedUri = `${FOLDER_A.uri}/src/blocked.ts`;
    const text = CHAT_TS.replace('ConverseCommand }', 'ConverseCommand, CountTokensCommand }')
      + 'await client.send(new CountTokensCommand({ modelId: "meta.llama3-8b-instruct-v1:0", input: {} }));\n';
    await client.open(blockedUri, 'typescript', text);
    const items = await client.diagnosticItems(blockedUri);
    const input = { text, languageId: 'typescript' as const, settings: normalizeSettings({}), fileName: 'src/blocked.ts', workspaceRelativePath: 'src/blocked.ts' };
    const unrefined = analyze(input).findings;
    const expected = refineFixability(input, unrefined);
    assert.ok(unrefined.some((finding, index) => finding.fixable !== expected[index].fixable), 'the sample exercises a refinement');
    assert.deepEqual(
      items.map((item) => [item.code, (item.data as { fixable: boolean }).fixable, item.message]),
      expected.map((finding) => [finding.ruleId, finding.fixable, finding.message]),
    );
  });

  test('the findings request returns the engine findings with LSP ranges and offsets', async () => {
    const findingsUri = `${FOLDER_A.uri}/src/findings.ts`;
    await client.open(findingsUri, 'typescript', CHAT_TS);
    const result = await client.findings(findingsUri);
    assert.ok(result);
    assert.equal(result.version, 1);
    assert.equal(result.findings.length, 5);
    const region = result.findings.find((finding) => finding.ruleId === 'bedrock/client-region');
    const at = locate(CHAT_TS, '"us-east-1"');
    assert.deepEqual(region?.range, { start: { line: at.line, character: at.start }, end: { line: at.line, character: at.end } });
    assert.equal(CHAT_TS.slice(region!.offsets.start, region!.offsets.end), '"us-east-1"');
    assert.equal(region?.docUrl, `${RULES_DOC}#bedrock-client-region`);
    assert.equal(await client.findings('file:///never/opened.ts'), null);
  });

  test('a file without Bedrock and a document in another language get no diagnostics', async () => {
    await client.open(`${FOLDER_A.uri}/src/plain.ts`, 'typescript', NO_BEDROCK_TS);
    assert.deepEqual(await client.diagnosticItems(`${FOLDER_A.uri}/src/plain.ts`), []);
    await client.open(`${FOLDER_A.uri}/main.py`, 'python', 'import boto3\nboto3.client("bedrock-runtime")\n');
    assert.deepEqual(await client.diagnosticItems(`${FOLDER_A.uri}/main.py`), []);
  });

  test('after close the document has no diagnostics and its settings are asked for again on reopen', async () => {
    const closedUri = `${FOLDER_A.uri}/src/closed.ts`;
    await client.open(closedUri, 'typescript', CHAT_TS);
    assert.equal((await client.diagnosticItems(closedUri)).length, 5);
    await client.close(closedUri);
    assert.deepEqual(await client.diagnosticItems(closedUri), []);
    const asked = client.configurationRequests.filter((request) => request.scopeUri === closedUri).length;
    await client.open(closedUri, 'typescript', CHAT_TS);
    assert.equal((await client.diagnosticItems(closedUri)).length, 5);
    assert.equal(client.configurationRequests.filter((request) => request.scopeUri === closedUri).length, asked + 1);
  });
});

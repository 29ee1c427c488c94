// An LSP session fed random and mutated documents and malformed requests: the server answers every request
// (results in range, edits disjoint; errors are InvalidParams, never an internal error) and stays up.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GenerateReportRequest, MigrateWorkspaceRequest } from '../../shared/reportProtocol';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';
import { documentArbitrary, FUZZ_SEED, loadSeeds } from './corpus';

const LANGUAGE_ID: Record<string, string> = { typescript: 'typescript', javascript: 'javascript', typescriptreact: 'typescriptreact', markdown: 'markdown' };

function assertInDocument(document: TextDocument, range: Range, what: string): void {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  assert.ok(start <= end, `${what}: reversed range ${JSON.stringify(range)}`);
  assert.ok(range.start.line < Math.max(1, document.lineCount) && range.end.line < Math.max(1, document.lineCount), `${what}: range past the end ${JSON.stringify(range)}`);
}

function assertDisjointEdits(document: TextDocument, action: CodeAction): void {
  for (const change of action.edit?.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== document.uri) continue;
    const spans = (change as TextDocumentEdit).edits.map((edit) => [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let index = 1; index < spans.length; index++) assert.ok(spans[index]![0] >= spans[index - 1]![1], `${action.title}: overlapping edits`);
  }
}

describe('fuzz: LSP session', { timeout: 90_000 }, () => {
  let client: LspTestClient;
  let next = 0;
  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A], settings: { '*': { endpoints: { 'meta.*': { endpointName: 'llama' } } } } });
  });
  after(async () => {
    await client.stop();
  });

  test('random and mutated documents: diagnostics in range, code actions resolve to disjoint edits, the server stays up', async () => {
    await fc.assert(fc.asyncProperty(documentArbitrary(loadSeeds()), async (seed) => {
      const extension = seed.languageId === 'markdown' ? 'md' : seed.languageId === 'typescriptreact' ? 'tsx' : 'ts';
      const uri = `${FOLDER_A.uri}/fuzz/doc-${++next}.${extension}`;
      const languageId = LANGUAGE_ID[seed.languageId] ?? 'typescript';
      const document = TextDocument.create(uri, languageId, 1, seed.text);
      await client.open(uri, languageId, seed.text);
      try {
        const diagnostics: Diagnostic[] = await client.diagnosticItems(uri);
        for (const diagnostic of diagnostics) assertInDocument(document, diagnostic.range, String(diagnostic.code));
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(seed.text.length) };
        const actions = await client.codeActions(uri, whole, diagnostics);
        for (const offered of actions) {
          const action = offered.data !== undefined && !offered.edit ? await client.resolveCodeAction(offered) : offered;
          assertDisjointEdits(document, action);
        }
      } finally {
        await client.close(uri);
      }
      assert.ok(client.isAlive);
    }), { seed: FUZZ_SEED, numRuns: 80 });
  });

  test('malformed parameters are answered with InvalidParams (or a result), never an internal error', async () => {
    const methods = ['textDocument/codeAction', 'textDocument/diagnostic', 'codeAction/resolve', 'bedrockToSagemaker/findings', GenerateReportRequest.method, MigrateWorkspaceRequest.method];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...methods), fc.dictionary(fc.constantFrom('uri', 'textDocument', 'context', 'range', 'folders', 'format', 'outputUri', 'title', 'data', 'workspaceName'), fc.anything({ maxDepth: 2 })), async (method, params) => {
      try {
        await client.connection.sendRequest(method, params);
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        assert.ok([ErrorCodes.InvalidParams, LSPErrorCodes.RequestFailed, LSPErrorCodes.RequestCancelled].includes(error.code), `${method}: ${error.code} ${error.message}`);
        assert.doesNotMatch(error.message, /TypeError|\n\s+at /);
      }
      assert.ok(client.isAlive);
    }), { seed: FUZZ_SEED, numRuns: 120 });
  });
});

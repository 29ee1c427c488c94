import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { CHAT_TS, FOLDER_A } from '../helpers/lspSamples';

const RULES_DOC = 'https://github.com/bedrock-to-sagemaker/bedrock-to-sagemaker/blob/main/docs/rules.md';
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };

describe('code actions over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];
  const uri = `${FOLDER_A.uri}/src/chat.ts`;
  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A] });
    await client.open(uri, 'typescript', CHAT_TS);
    diagnostics = await client.diagnosticItems(uri);
  });
  after(async () => { await client.stop(); });

  test('every finding gets an "Explain" quick fix that opens the rule documentation', async () => {
    const converse = diagnostics.find((diagnostic) => diagnostic.code === 'bedrock/converse')!;
    const actions = await client.codeActions(uri, converse.range, [converse]);
    const explain = actions.find((action) => action.command?.command === 'bedrockToSagemaker.explainRule');
    assert.ok(explain, 'Explain action offered');
    assert.equal(explain.kind, 'quickfix');
    assert.deepEqual(explain.diagnostics, [converse]);
    assert.deepEqual(explain.command?.arguments, ['bedrock/converse', `${RULES_DOC}#bedrock-converse`]);
  });

  test('context.only = quickfix returns quick fixes only, each tied to its diagnostic', async () => {
    const actions = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['quickfix']);
    assert.ok(actions.length >= diagnostics.length);
    assert.ok(actions.every((action) => action.kind === 'quickfix' && (action.diagnostics?.length ?? 0) >= 1));
  });

  test('a preferred quick fix is a versioned edit of this document, listed once for all the findings it fixes', async () => {
    const fixable = diagnostics.filter((diagnostic) => (diagnostic.data as { fixable: boolean }).fixable);
    const actions = await client.codeActions(uri, WHOLE_FILE, fixable, ['quickfix']);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.ok(preferred.length > 0);
    const titles = preferred.map((action) => action.title);
    assert.equal(new Set(titles).size, titles.length, 'no duplicate fixes');
    const fixedDiagnostics = preferred.flatMap((action) => action.diagnostics ?? []).map((diagnostic) => diagnostic.code);
    assert.deepEqual([...fixedDiagnostics].sort(), fixable.map((diagnostic) => diagnostic.code).sort(), 'every fixable finding has a preferred fix');
    for (const action of preferred) {
      const ownEdit = action.edit?.documentChanges?.find((change) => 'textDocument' in change && change.textDocument.uri === uri) as TextDocumentEdit | undefined;
      assert.equal(ownEdit?.textDocument.version, 1);
    }
  });

  test('the Converse quick fix and the resolved fix-all create the adapter and carry the client command that saves it', async () => {
    const adapter = `${FOLDER_A.uri}/src/sagemaker-converse.ts`;
    const saveCommand = (action: CodeAction | undefined) => action?.command && { command: action.command.command, arguments: action.command.arguments };
    const expected = { command: 'bedrockToSagemaker.saveCreatedFiles', arguments: [adapter] };
    const converse = diagnostics.find((diagnostic) => diagnostic.code === 'bedrock/converse')!;
    const quickFix = (await client.codeActions(uri, converse.range, [converse], ['quickfix'])).find((action) => action.isPreferred);
    assert.ok(quickFix?.edit?.documentChanges?.some((change) => 'kind' in change && change.kind === 'create' && change.uri === adapter));
    assert.deepEqual(saveCommand(quickFix), expected);
    const [fixAll] = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['source.fixAll']);
    assert.equal(fixAll.command, undefined);
    assert.deepEqual(saveCommand(await client.resolveCodeAction(fixAll)), expected);
  });

  test('context.only = source returns no quick fixes; source.fixAll only our fix-all', async () => {
    const source = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['source']);
    assert.ok(source.every((action) => action.kind?.startsWith('source.') && action.kind.endsWith('.bedrockToSagemaker')));
    const fixAll = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['source.fixAll']);
    assert.ok(fixAll.every((action) => action.kind === 'source.fixAll.bedrockToSagemaker'));
    assert.deepEqual(await client.codeActions(uri, WHOLE_FILE, diagnostics, ['refactor']), []);
  });

  test('file-level actions are lazy, resolve for the analysed version only, and never for a stale one', async () => {
    const fileActions = await client.codeActions(uri, WHOLE_FILE, diagnostics, ['source']);
    assert.deepEqual(fileActions.map((action) => action.title), ['Migrate this file to SageMaker Runtime', 'Fix all auto-fixable Bedrock findings']);
    assert.ok(fileActions.every((action) => action.edit === undefined), 'computed in codeAction/resolve, not up front');
    const resolved: CodeAction[] = [];
    for (const action of fileActions) resolved.push(await client.resolveCodeAction(action));
    for (const action of resolved.filter((candidate) => candidate.edit)) {
      const ownEdit = action.edit?.documentChanges?.find((change) => 'textDocument' in change && change.textDocument.uri === uri) as TextDocumentEdit | undefined;
      assert.equal(ownEdit?.textDocument.version, 1);
    }
    await client.change(uri, `${CHAT_TS}// edited\n`);
    for (const action of fileActions) assert.equal((await client.resolveCodeAction(action)).edit, undefined);
  });
});

describe('Restricted Mode (untrusted workspace)', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  const uri = `${FOLDER_A.uri}/src/chat.ts`;
  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A], initializationOptions: { locale: 'en', isTrusted: false } });
    await client.open(uri, 'typescript', CHAT_TS);
  });
  after(async () => { await client.stop(); });

  test('analysis still runs: it only reads the text', async () => {
    assert.equal((await client.diagnosticItems(uri)).length, 5);
  });

  test('no offered action can create a file, and file-level migration is disabled', async () => {
    const diagnostics = await client.diagnosticItems(uri);
    const actions = await client.codeActions(uri, WHOLE_FILE, diagnostics);
    const createsFile = (action: CodeAction) => action.edit?.documentChanges?.some((change) => 'kind' in change && change.kind === 'create') ?? false;
    assert.ok(!actions.some(createsFile));
    const fileLevel = actions.filter((action) => action.kind?.startsWith('source.'));
    assert.equal(fileLevel.length, 2, 'shown, but disabled with the reason');
    assert.ok(fileLevel.every((action) => action.disabled?.reason && action.data === undefined));
    for (const action of fileLevel) assert.equal((await client.resolveCodeAction(action)).edit, undefined);
  });
});

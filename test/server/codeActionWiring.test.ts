// In-memory tests of the code-action glue with a fake fix engine: how proposals become versioned edits,
// created files, lazy file-level actions and refusals. The protocol tests cover the real wiring.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CancellationToken, type CodeAction, type CodeActionParams, type CreateFile, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixProposal } from '../../server/src/engine/fixTypes';
import type { Finding } from '../../server/src/engine/types';
import { createCodeActionHandler, type CodeActionDependencies, type FixInput } from '../../server/src/lsp/codeActions';
import { createCodeActionResolveHandler } from '../../server/src/lsp/codeActionResolve';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { DocumentSettingsCache } from '../../server/src/lsp/documentSettings';
import type { Session } from '../../server/src/lsp/session';
import { toDiagnostics } from '../../server/src/lsp/toDiagnostic';
import { CHAT_TS, FOLDER_A } from '../helpers/lspSamples';

const URI = `${FOLDER_A.uri}/src/chat.ts`;
const ADAPTER_URI = `${FOLDER_A.uri}/src/sagemaker-converse.ts`;
const TRUSTED: Session = {
  configuration: true, workspaceFolders: true, diagnosticRefresh: true, configurationChangeRegistration: true, watchedFilesRegistration: false,
  createFiles: true, disabledActions: true, isTrusted: true, displayLanguage: 'en', languageSetting: 'auto',
};

interface Harness {
  deps: CodeActionDependencies;
  document: TextDocument;
  diagnostics: Diagnostic[];
  fixInputs: FixInput[];
  existing: Set<string>;
  setDocument(document: TextDocument): void;
}

function harness(options: { session?: Partial<Session>; adapterPath?: string; ifMissing?: boolean; folder?: boolean } = {}): Harness {
  const documents = new Map<string, TextDocument>();
  const existing = new Set<string>();
  const fixInputs: FixInput[] = [];
  const session = { ...TRUSTED, ...options.session };
  const adapterFile = { path: options.adapterPath ?? 'src/sagemaker-converse.ts', content: 'export const adapter = 1;\n', ifMissing: options.ifMissing ?? true };
  const importFix = (finding: Finding): FixProposal => ({
    title: 'Import SageMaker Runtime', kind: 'quickfix', isPreferred: true,
    edits: [{ range: finding.range, newText: '"@aws-sdk/client-sagemaker-runtime"' }],
  });
  const deps: CodeActionDependencies = {
    documents,
    settings: new DocumentSettingsCache(async () => ({}), () => undefined),
    analyzer: new DocumentAnalyzer({ fileNameOf: () => 'src/chat.ts', workspaceRelativePathOf: () => 'src/chat.ts' }),
    log: { error: () => undefined, warn: () => undefined },
    session,
    fixes: {
      fixesForFinding(input, finding) {
        fixInputs.push(input);
        if (finding.ruleId === 'bedrock/import') return [importFix(finding)];
        if (finding.ruleId === 'bedrock/converse') return [{ ...importFix(finding), title: 'Call the adapter', createFiles: [adapterFile] }];
        return [];
      },
      fixAll(input, findings) {
        fixInputs.push(input);
        const target = findings.find((finding) => finding.ruleId === 'bedrock/import')!;
        return { title: 'all', kind: 'quickfix', edits: [importFix(target).edits[0]], createFiles: [adapterFile] };
      },
    },
    fileCreation: () => ({
      canCreateFiles: session.createFiles, isTrusted: session.isTrusted, folder: options.folder === false ? undefined : FOLDER_A,
      exists: (uri) => existing.has(uri),
    }),
    workspaceRelativePath: () => 'src/chat.ts',
  };
  const h: Harness = {
    deps, diagnostics: [], fixInputs, existing, document: undefined as unknown as TextDocument,
    setDocument(document) {
      documents.set(document.uri, document);
      h.document = document;
      const analysis = deps.analyzer.analyze(document, { engine: { targetRegion: 'cn-northwest-1', endpoints: {}, rules: {}, adapterPath: 'src/sagemaker-converse.ts' }, maxFileSizeKb: 1024, key: 'k' })!;
      h.diagnostics = toDiagnostics(analysis.result, document);
    },
  };
  h.setDocument(TextDocument.create(URI, 'typescript', 3, CHAT_TS));
  return h;
}

function request(h: Harness, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const params: CodeActionParams = { textDocument: { uri: URI }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only } };
  return createCodeActionHandler(h.deps)(params, CancellationToken.None);
}

const byCode = (h: Harness, code: string) => h.diagnostics.filter((diagnostic) => diagnostic.code === code);

describe('code actions (in memory, fake fixes)', () => {
  test('a fixable finding gets a preferred quick fix as a versioned minimal edit, plus Explain', async () => {
    const h = harness();
    const [importDiagnostic] = byCode(h, 'bedrock/import');
    const actions = await request(h, [importDiagnostic], ['quickfix']);
    assert.deepEqual(actions.map((action) => action.title), ['Import SageMaker Runtime', 'Explain this finding (bedrock/import)']);
    const [fix, explain] = actions;
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [importDiagnostic]);
    assert.deepEqual(fix.edit, {
      documentChanges: [{ textDocument: { uri: URI, version: 3 }, edits: [{ range: importDiagnostic.range, newText: '"@aws-sdk/client-sagemaker-runtime"' }] }],
    });
    assert.deepEqual(explain.command?.arguments?.[0], 'bedrock/import');
    assert.equal(explain.command?.command, 'bedrockToSagemaker.explainRule');
    assert.equal(h.fixInputs[0].workspaceRelativePath, 'src/chat.ts');
  });

  test('a quick fix that adds a file creates it (ignoreIfExists), fills it, then edits the document', async () => {
    const h = harness();
    const [fix] = await request(h, byCode(h, 'bedrock/converse'), ['quickfix']);
    const changes = fix.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: ADAPTER_URI, options: { ignoreIfExists: true } });
    assert.deepEqual((changes[1] as TextDocumentEdit).textDocument, { uri: ADAPTER_URI, version: null });
    assert.deepEqual((changes[1] as TextDocumentEdit).edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'export const adapter = 1;\n' }]);
    assert.deepEqual((changes[2] as TextDocumentEdit).textDocument, { uri: URI, version: 3 });
  });

  test('a quick fix that creates a file carries the client command that saves it; other fixes carry none', async () => {
    const h = harness();
    const [adapterFix] = await request(h, byCode(h, 'bedrock/converse'), ['quickfix']);
    assert.equal(adapterFix.command?.command, 'bedrockToSagemaker.saveCreatedFiles');
    assert.deepEqual(adapterFix.command?.arguments, [ADAPTER_URI]);
    const [plainFix] = await request(h, byCode(h, 'bedrock/import'), ['quickfix']);
    assert.equal(plainFix.command, undefined);
  });

  test('an adapter that already exists is not written again, and nothing needs saving', async () => {
    const h = harness();
    h.existing.add(ADAPTER_URI);
    const [fix] = await request(h, byCode(h, 'bedrock/converse'), ['quickfix']);
    assert.deepEqual(fix.edit?.documentChanges?.map((change) => ('kind' in change ? change.kind : (change as TextDocumentEdit).textDocument.uri)), [URI]);
    assert.equal(fix.command, undefined);
  });

  test('a diagnostic of an older version whose range now holds other text only gets Explain', async () => {
    const h = harness();
    const stale = byCode(h, 'bedrock/import');
    h.setDocument(TextDocument.create(URI, 'typescript', 4, `\n${CHAT_TS}`));
    const actions = await request(h, stale, ['quickfix']);
    assert.deepEqual(actions.map((action) => action.title), ['Explain this finding (bedrock/import)']);
  });

  test('a diagnostic of an older version identical to the current one (kept by an "unchanged" report) gets its fix, for the current version', async () => {
    const h = harness();
    const kept = byCode(h, 'bedrock/import');
    h.setDocument(TextDocument.create(URI, 'typescript', 4, `${CHAT_TS}// typed\n`));
    const [fix] = await request(h, kept, ['quickfix']);
    assert.deepEqual((fix.edit?.documentChanges?.[0] as TextDocumentEdit).textDocument, { uri: URI, version: 4 });
  });

  test('a diagnostic at the range of a current finding but saying something else (message, data, rule) only gets Explain', async () => {
    const h = harness();
    const [importDiagnostic] = byCode(h, 'bedrock/import');
    const variants: Diagnostic[] = [
      { ...importDiagnostic, message: `${importDiagnostic.message} (edited)` },
      { ...importDiagnostic, data: { ...importDiagnostic.data, module: '@aws-sdk/client-bedrock' } },
      { ...importDiagnostic, data: { ...importDiagnostic.data, ruleId: 'bedrock/runtime-client' } },
      { ...importDiagnostic, range: { ...importDiagnostic.range, end: { ...importDiagnostic.range.end, character: importDiagnostic.range.end.character - 1 } } },
    ];
    for (const variant of variants) {
      const titles = (await request(h, [variant], ['quickfix'])).map((action) => action.title);
      assert.ok(!titles.includes('Import SageMaker Runtime'), JSON.stringify(variant));
    }
  });

  test('other extensions\' diagnostics are ignored', async () => {
    const h = harness();
    const foreign: Diagnostic = { ...byCode(h, 'bedrock/import')[0], source: 'eslint' };
    assert.deepEqual(await request(h, [foreign], ['quickfix']), []);
  });

  test('context.only selects between quick fixes, migrate-file and fix-all', async () => {
    const h = harness();
    const kinds = async (only?: string[]) => (await request(h, byCode(h, 'bedrock/import'), only)).map((action) => action.kind);
    assert.deepEqual(await kinds(['source.fixAll']), ['source.fixAll.bedrockToSagemaker']);
    assert.deepEqual(await kinds(['source']), ['source.migrateFile.bedrockToSagemaker', 'source.fixAll.bedrockToSagemaker']);
    assert.deepEqual(await kinds(['source.migrateFile.bedrockToSagemaker']), ['source.migrateFile.bedrockToSagemaker']);
    assert.deepEqual(await kinds(['quickfix']), ['quickfix', 'quickfix']);
    assert.deepEqual(await kinds(['refactor']), []);
    assert.equal((await kinds(undefined)).length, 4);
  });

  test('file-level actions are computed lazily and resolve to a versioned edit with the adapter', async () => {
    const h = harness();
    const [migrate] = await request(h, [], ['source.migrateFile']);
    assert.equal(migrate.edit, undefined);
    assert.deepEqual(migrate.data, { fileAction: 'migrateFile', uri: URI, version: 3 });
    const resolved = await createCodeActionResolveHandler(h.deps)(migrate);
    const changes = resolved.edit?.documentChanges ?? [];
    assert.equal(changes.length, 3);
    assert.equal((changes[0] as CreateFile).kind, 'create');
    assert.deepEqual((changes[2] as TextDocumentEdit).textDocument, { uri: URI, version: 3 });
  });

  test('resolved file-level actions (fix-all on save included) carry the command that saves the created adapter', async () => {
    const h = harness();
    for (const only of ['source.fixAll', 'source.migrateFile']) {
      const [action] = await request(h, [], [only]);
      assert.equal(action.command, undefined, 'what is created is known only once resolved');
      const resolved = await createCodeActionResolveHandler(h.deps)(action);
      assert.deepEqual(resolved.command && { command: resolved.command.command, arguments: resolved.command.arguments },
        { command: 'bedrockToSagemaker.saveCreatedFiles', arguments: [ADAPTER_URI] }, only);
    }
    h.existing.add(ADAPTER_URI);
    const [fixAll] = await request(h, [], ['source.fixAll']);
    assert.equal((await createCodeActionResolveHandler(h.deps)(fixAll)).command, undefined, 'no command once the adapter exists');
  });

  test('a file-level action is not resolved once the document has moved on', async () => {
    const h = harness();
    const [fixAll] = await request(h, [], ['source.fixAll']);
    h.setDocument(TextDocument.create(URI, 'typescript', 4, CHAT_TS));
    const resolved = await createCodeActionResolveHandler(h.deps)(fixAll);
    assert.equal(resolved.edit, undefined);
    assert.match(resolved.disabled?.reason ?? '', /changed/, 'the refusal says why');
  });

  test('Restricted Mode: no file is created, file-level actions are disabled with a reason', async () => {
    const h = harness({ session: { isTrusted: false } });
    const fileActions = await request(h, [], ['source']);
    assert.equal(fileActions.length, 2);
    assert.ok(fileActions.every((action) => action.disabled?.reason.includes('Restricted Mode') && !action.data));
    const [adapterFix] = await request(h, byCode(h, 'bedrock/converse'), ['quickfix']);
    assert.equal(adapterFix.edit, undefined);
    assert.match(adapterFix.disabled?.reason ?? '', /Restricted Mode/);
    const [plainFix] = await request(h, byCode(h, 'bedrock/import'), ['quickfix']);
    assert.ok(plainFix.edit, 'edits to the open document itself are still offered');
    const forged = await createCodeActionResolveHandler(h.deps)({ title: 'x', data: { fileAction: 'fixAll', uri: URI, version: 3 } });
    assert.equal(forged.edit, undefined, 'resolve refuses too');
    assert.match(forged.disabled?.reason ?? '', /Restricted Mode/);
  });

  test('a client without disabled-action support does not see refused actions at all', async () => {
    const h = harness({ session: { isTrusted: false, disabledActions: false } });
    assert.deepEqual(await request(h, [], ['source']), []);
  });

  test('fixes that would write outside the workspace folder, or without one, are refused', async () => {
    for (const h of [harness({ adapterPath: '../outside.ts' }), harness({ folder: false }), harness({ session: { createFiles: false } })]) {
      const [fix] = await request(h, byCode(h, 'bedrock/converse'), ['quickfix']);
      assert.equal(fix.edit, undefined);
      assert.ok(fix.disabled?.reason);
    }
  });
});

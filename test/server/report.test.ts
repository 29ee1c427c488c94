// The workspace report and Migrate Workspace over the protocol: the bundled server, spawned with --stdio,
// scans a temporary copy of test/fixtures/report/workspace (two folders).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  type AnnotatedTextEdit, CancellationTokenSource, LSPErrorCodes, ResponseError, type TextDocumentEdit, type TextEdit, WorkDoneProgress,
  type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport, type WorkspaceFolder,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { documentFixAll } from '../../server/src/engine/documentFixes';
import { applyEdits, refineFixability } from '../../server/src/engine/fixes';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { LanguageId } from '../../server/src/engine/types';
import {
  GenerateReportRequest, type GenerateReportParams, MigrateWorkspaceRequest, type ReportFolderParams,
} from '../../shared/reportProtocol';
import { LspTestClient } from '../helpers/lspClient';
import { assertLinksResolve, parseReport } from '../helpers/reportMarkdown';

const FIXTURE = join(__dirname, '..', 'fixtures', 'report', 'workspace');
type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

describe('workspace report over the protocol', { timeout: 120_000 }, () => {
  let root: string;
  let client: LspTestClient;
  let folders: WorkspaceFolder[];
  let params: (overrides?: Partial<GenerateReportParams>) => GenerateReportParams;
  const reportFolders = (filesExclude: Record<string, string[]> = {}): ReportFolderParams[] =>
    folders.map((folder) => ({ ...folder, filesExclude: filesExclude[folder.name] ?? [] }));
  let nextToken = 0;

  /** Sends the request with a work-done token and records every progress value sent for it. */
  function generate(request: GenerateReportParams, cancel?: CancellationTokenSource, onProgress?: (value: ProgressValue) => void) {
    const token = `report-${++nextToken}`;
    const progress: ProgressValue[] = [];
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      progress.push(value);
      onProgress?.(value);
    });
    const result = client.connection.sendRequest(GenerateReportRequest.type, { ...request, workDoneToken: token }, cancel?.token);
    return { progress, result: result.finally(() => listener.dispose()) };
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-report-lsp-'));
    cpSync(FIXTURE, root, { recursive: true });
    folders = ['api', 'web'].map((name) => ({ name, uri: pathToFileURL(join(root, name)).href }));
    client = await LspTestClient.start({
      folders,
      // bedrockToSagemaker.report.exclude for the web folder, as VS Code returns it (nested under `report`).
      settings: { [folders[1]!.uri]: { report: { exclude: ['scripts/**'] } } },
    });
    params = (overrides = {}) => ({
      workspaceName: 'shop',
      folders: reportFolders({ api: ['**/legacy'] }),
      format: 'markdown',
      outputUri: pathToFileURL(join(root, 'api', '.bedrock-to-sagemaker', 'migration-report.md')).href,
      ...overrides,
    });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('writes the Markdown report with progress; files.exclude, report.exclude and .gitignore are honoured', async () => {
    const { progress, result } = generate(params({ includeProblems: true }));
    const reply = await result;
    const outputPath = fileURLToPath(reply.outputUri);
    const report = parseReport(readFileSync(outputPath, 'utf8'));
    assert.equal(report.data.feasibility, 'LOW');
    assert.equal(reply.feasibility, 'LOW');
    assert.equal(report.findingRows, reply.findings);
    assertLinksResolve(report.lineLinks, join(root, 'api', '.bedrock-to-sagemaker'));
    const text = readFileSync(outputPath, 'utf8');
    for (const hidden of ['legacy/old.ts', 'generated/client.ts', 'scripts/deploy.ts']) assert.ok(!text.includes(hidden), hidden);

    assert.equal(progress[0]?.kind, 'begin');
    assert.equal((progress[0] as WorkDoneProgressBegin).cancellable, true);
    assert.equal(progress.at(-1)?.kind, 'end');
    const counts = progress.filter((value): value is WorkDoneProgressReport => value.kind === 'report').map((value) => value.message ?? '');
    assert.ok(counts.some((message) => /^\d+ files scanned$/.test(message)), `no file count in ${JSON.stringify(counts)}`);

    const problems = new Map(reply.problems?.map((file) => [file.uri, file.diagnostics]));
    const summarize = problems.get(`${folders[1]!.uri}/src/summarize.js`);
    assert.ok(summarize && summarize.length > 0, 'closed files get Problems entries');
    assert.equal([...problems.values()].reduce((sum, diagnostics) => sum + diagnostics.length, 0), reply.findings);
  });

  test('exports the same findings as JSON (the CLI schema) and SARIF 2.1.0', async () => {
    const markdown = await generate(params()).result;
    // Exports go where the user chose in a save dialog (here outside the folders), so the client sends overwrite.
    const json = await generate(params({ format: 'json', outputUri: pathToFileURL(join(root, 'out', 'report.json')).href, overwrite: true })).result;
    const sarif = await generate(params({ format: 'sarif', outputUri: pathToFileURL(join(root, 'out', 'report.sarif')).href, overwrite: true })).result;
    const document = JSON.parse(readFileSync(join(root, 'out', 'report.json'), 'utf8')) as { tool: string; findings: Array<{ file: string }> };
    assert.equal(document.tool, 'bedrock-to-sagemaker');
    assert.equal(document.findings.length, markdown.findings);
    // Multi-root: paths are relative to the folder that holds both roots, so they name the folder.
    assert.ok(document.findings.some((finding) => finding.file === 'web/src/summarize.js'));
    const log = JSON.parse(readFileSync(join(root, 'out', 'report.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]!.results.length, json.findings);
    assert.equal(sarif.findings, json.findings);
  });

  test('cancelling mid-scan answers RequestCancelled promptly and writes nothing', async () => {
    const big = join(root, 'web', 'big');
    mkdirSync(big, { recursive: true });
    const source = readFileSync(join(root, 'web', 'src', 'summarize.js'), 'utf8');
    for (let index = 0; index < 3000; index++) writeFileSync(join(big, `module${index}.js`), source);
    const outputDir = join(root, 'cancelled');
    const cancel = new CancellationTokenSource();
    // Cancel as soon as the server reports its first file count, i.e. while it is scanning.
    let scanning!: () => void;
    const firstCount = new Promise<void>((resolve) => { scanning = resolve; });
    const { progress, result } = generate(params({ outputUri: pathToFileURL(join(outputDir, 'report.md')).href }), cancel, (value) => {
      if (value.kind === 'report') scanning();
    });
    const outcome = result.then(() => 'completed', (error: unknown) => error);
    await firstCount;
    const cancelledAt = Date.now();
    cancel.cancel();
    const error = await outcome;
    const elapsed = Date.now() - cancelledAt;
    assert.ok(error instanceof ResponseError, `expected a cancellation error, got ${String(error)}`);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    assert.ok(elapsed < 500, `took ${elapsed} ms to stop`);
    assert.equal(existsSync(outputDir), false, 'nothing may be written for a cancelled report');
    assert.equal(progress.at(-1)?.kind, 'end');
    rmSync(big, { recursive: true, force: true });
  });
});

describe('Migrate Workspace over the protocol', { timeout: 120_000 }, () => {
  let root: string;
  let client: LspTestClient;
  let folders: WorkspaceFolder[];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'b2s-migrate-lsp-'));
    cpSync(FIXTURE, root, { recursive: true });
    folders = ['api', 'web'].map((name) => ({ name, uri: pathToFileURL(join(root, name)).href }));
    client = await LspTestClient.start({ folders });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('one edit equal to each file\'s fix-all, every change needing confirmation; the rest listed', async () => {
    const reply = await client.connection.sendRequest(MigrateWorkspaceRequest.type, {
      folders: folders.map((folder) => ({ ...folder, filesExclude: folder.name === 'api' ? ['**/legacy'] : [] })),
    });
    const changes = reply.edit.documentChanges ?? [];
    const annotations = reply.edit.changeAnnotations ?? {};
    const textEdits = changes.filter((change): change is TextDocumentEdit => 'textDocument' in change);
    const created = new Set(changes.flatMap((change) => ('kind' in change && change.kind === 'create' ? [change.uri] : [])));
    assert.ok(textEdits.length > 0, 'the fixture has files the fix engine migrates');

    // Every change carries an annotation that asks for confirmation (VS Code then shows its refactor preview).
    for (const change of changes) {
      const ids = 'edits' in change ? change.edits.map((edit) => (edit as AnnotatedTextEdit).annotationId) : [(change as { annotationId?: string }).annotationId];
      for (const id of ids) assert.equal(id !== undefined && annotations[id]?.needsConfirmation, true, JSON.stringify(change));
    }

    // Applying the edit to the files on disk gives exactly what fix-all gives for each file on its own.
    const migrated = new Map<string, string>();
    for (const edit of textEdits.filter((change) => !created.has(change.textDocument.uri))) {
      const path = fileURLToPath(edit.textDocument.uri);
      const document = TextDocument.create(edit.textDocument.uri, 'typescript', 0, readFileSync(path, 'utf8'));
      migrated.set(path, TextDocument.applyEdits(document, edit.edits.filter((change): change is TextEdit => 'newText' in change)));
    }
    const expected = new Map<string, string>();
    let remainingExpected = 0;
    for (const [folder, path, languageId] of SCANNED) {
      const absolute = join(root, folder, path);
      const text = readFileSync(absolute, 'utf8');
      const input = { text, languageId, settings: DEFAULT_SETTINGS, fileName: path, workspaceRelativePath: path };
      const findings = refineFixability(input, analyze(input).findings);
      const proposal = documentFixAll(input, findings);
      if (proposal) expected.set(absolute, applyEdits(text, proposal.edits));
      remainingExpected += findings.filter((finding) => !proposal || !finding.fixable).length;
    }
    assert.deepEqual([...migrated.keys()].sort(), [...expected.keys()].sort());
    for (const [path, text] of expected) assert.equal(migrated.get(path), text, path);
    assert.equal(reply.filesChanged, expected.size);
    assert.equal(reply.remaining.length, remainingExpected);
    assert.ok(reply.remaining.some((finding) => finding.ruleId === 'bedrock/guardrail'), 'unsafe findings are listed, not touched');
  });

  test('lists each changed file with its label, fixed count and the created files it needs', async () => {
    const reply = await client.connection.sendRequest(MigrateWorkspaceRequest.type, {
      folders: folders.map((folder) => ({ ...folder, filesExclude: folder.name === 'api' ? ['**/legacy'] : [] })),
    });
    const changes = reply.edit.documentChanges ?? [];
    const created = changes.flatMap((change) => ('kind' in change && change.kind === 'create' ? [change.uri] : []));
    const edited = changes.flatMap((change) => ('textDocument' in change && !created.includes(change.textDocument.uri) ? [change.textDocument.uri] : []));
    const adapter = `${folders[0]!.uri}/src/sagemaker-converse.ts`;
    assert.deepEqual(reply.filesCreated, [adapter]);
    assert.deepEqual(reply.filesCreated, created);
    assert.deepEqual(reply.files.map((file) => file.uri), edited, 'one entry per changed file, in the edit\'s order');
    assert.deepEqual(reply.files.map((file) => file.label), ['api/docs/setup.md', 'api/src/chat.ts', 'web/src/summarize.js']);
    assert.equal(reply.files.reduce((sum, file) => sum + file.fixedFindings, 0), reply.fixedFindings);
    assert.ok(reply.files.every((file) => file.fixedFindings > 0));
    // chat.ts calls Converse, so it imports the adapter the edit creates; the others need nothing.
    assert.deepEqual(Object.fromEntries(reply.files.map((file) => [file.label, file.requires])),
      { 'api/docs/setup.md': [], 'api/src/chat.ts': [adapter], 'web/src/summarize.js': [] });
  });
});

/** The fixture's files that are scanned with files.exclude = **\/legacy (no report.exclude here). */
const SCANNED: ReadonlyArray<[string, string, LanguageId]> = [
  ['api', 'docs/setup.md', 'markdown'],
  ['api', 'src/chat.ts', 'typescript'],
  ['api', 'src/guard.ts', 'typescript'],
  ['api', 'test/chat.test.ts', 'typescript'],
  ['web', 'scripts/deploy.ts', 'typescript'],
  ['web', 'src/clean.ts', 'typescript'],
  ['web', 'src/summarize.js', 'javascript'],
];

// Unit tests of the small LSP-side helpers (no server process).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { currentLocale } from '../../server/src/engine/l10n';
import { isKindRequested } from '../../server/src/lsp/codeActionKinds';
import { engineFileName } from '../../server/src/lsp/documentName';
import { DocumentSettingsCache, fromRaw } from '../../server/src/lsp/documentSettings';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Environment } from '../../server/src/lsp/environment';
import { applyLocale } from '../../server/src/lsp/locale';
import { LruCache } from '../../server/src/lsp/lru';
import { WorkspaceFolders } from '../../server/src/lsp/workspaceFolders';
import { createDiagnosticsHandler } from '../../server/src/lsp/diagnostics';
import { DiagnosticReports } from '../../server/src/lsp/diagnosticReports';
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { toDiagnostics } from '../../server/src/lsp/toDiagnostic';
import { analyze } from '../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { generateMigratableFile } from '../helpers/migratableFile';

describe('LruCache', () => {
  test('evicts the least recently used entry, and a read counts as use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    cache.delete('a');
    assert.equal(cache.size, 1);
  });
});

describe('isKindRequested', () => {
  test('matches kinds hierarchically and treats no filter as everything', () => {
    assert.ok(isKindRequested(undefined, 'quickfix'));
    assert.ok(isKindRequested(['source'], 'source.fixAll.bedrockToSagemaker'));
    assert.ok(isKindRequested(['source.fixAll'], 'source.fixAll.bedrockToSagemaker'));
    assert.ok(!isKindRequested(['source.fix'], 'source.fixAll.bedrockToSagemaker'), 'prefixes stop at dots');
    assert.ok(!isKindRequested(['quickfix'], 'source.migrateFile.bedrockToSagemaker'));
  });
});

describe('WorkspaceFolders', () => {
  const outer = { uri: 'file:///repo', name: 'repo' };
  const inner = { uri: 'file:///repo/packages/api', name: 'api' };

  test('a document belongs to the innermost folder, and paths are decoded and folder-relative', () => {
    const folders = new WorkspaceFolders();
    folders.reset([outer, inner]);
    assert.equal(folders.folderFor('file:///repo/packages/api/src/a.ts')?.name, 'api');
    assert.equal(folders.folderFor('file:///repo/README.md')?.name, 'repo');
    assert.equal(folders.folderFor('file:///repository/x.ts'), undefined, 'a sibling with a common prefix is not inside');
    assert.equal(folders.relativePath('file:///repo/packages/api/src/my%20file.ts'), 'src/my file.ts');
    folders.apply({ added: [], removed: [inner] });
    assert.equal(folders.folderFor('file:///repo/packages/api/src/a.ts')?.name, 'repo');
  });

  test('a relative path asked again after the folders changed is of the folders now', () => {
    const folders = new WorkspaceFolders();
    const uri = 'file:///repo/packages/api/src/a.ts';
    folders.reset([outer, inner]);
    assert.equal(folders.relativePath(uri), 'src/a.ts');
    assert.equal(folders.relativePath(uri), 'src/a.ts');
    folders.apply({ added: [], removed: [inner] });
    assert.equal(folders.relativePath(uri), 'packages/api/src/a.ts');
    folders.reset([]);
    assert.equal(folders.relativePath(uri), undefined);
    folders.apply({ added: [inner], removed: [] });
    assert.equal(folders.relativePath(uri), 'src/a.ts');
  });

  test('resolves created files inside the folder only', () => {
    assert.equal(WorkspaceFolders.resolve(outer, 'src/sage maker.ts'), 'file:///repo/src/sage%20maker.ts');
    assert.equal(WorkspaceFolders.resolve(outer, './src\\a.ts'), 'file:///repo/src/a.ts');
    assert.equal(WorkspaceFolders.resolve(outer, '../escape.ts'), undefined);
  });

  test('the engine sees a workspace-relative name, a base name, or nothing for untitled documents', () => {
    const folders = new WorkspaceFolders();
    folders.reset([outer]);
    assert.equal(engineFileName('file:///repo/src/App.tsx', folders), 'src/App.tsx');
    assert.equal(engineFileName('file:///elsewhere/App.tsx', folders), 'App.tsx');
    assert.equal(engineFileName('untitled:Untitled-1', folders), undefined);
  });
});

describe('document settings', () => {
  test('a null or malformed reply merges over the defaults', () => {
    assert.equal(fromRaw(null).engine.targetRegion, 'cn-northwest-1');
    assert.equal(fromRaw(null).maxFileSizeKb, 1024);
    assert.equal(fromRaw({ maxFileSizeKb: -3 }).maxFileSizeKb, 1024);
    assert.equal(fromRaw({ targetRegion: 'cn-north-1', maxFileSizeKb: 64 }).engine.targetRegion, 'cn-north-1');
    assert.notEqual(fromRaw({ targetRegion: 'cn-north-1' }).key, fromRaw({}).key);
  });

  test('one round trip per document until cleared; a failure is not cached', async () => {
    let calls = 0;
    let fail = true;
    const errors: unknown[] = [];
    const cache = new DocumentSettingsCache(async () => {
      calls++;
      if (fail) throw new Error('client went away');
      return { targetRegion: 'cn-north-1' };
    }, (error) => errors.push(error));
    assert.equal((await cache.get('file:///a.ts')).engine.targetRegion, 'cn-northwest-1');
    assert.equal(errors.length, 1);
    fail = false;
    const [first, second] = await Promise.all([cache.get('file:///a.ts'), cache.get('file:///a.ts')]);
    assert.equal(first, second);
    assert.equal(first.engine.targetRegion, 'cn-north-1');
    assert.equal(calls, 2);
    cache.clear();
    await cache.get('file:///a.ts');
    assert.equal(calls, 3);
  });

  test('settled: what get resolves to once known, never a failed, cleared or replaced fetch\'s value', async () => {
    let fail = true;
    let region = 'cn-north-1';
    let release: (() => void) | undefined;
    const cache = new DocumentSettingsCache(async () => {
      if (release === undefined) await new Promise<void>((resolve) => { release = resolve; });
      if (fail) throw new Error('client went away');
      return { targetRegion: region };
    }, () => undefined);
    const uri = 'file:///a.ts';
    const failing = cache.get(uri);
    assert.equal(cache.settled(uri), undefined, 'not known while the client has not answered');
    release!();
    await failing;
    assert.equal(cache.settled(uri), undefined, 'a failure is not kept: the next pull asks again');
    fail = false;
    const first = await cache.get(uri);
    assert.equal(cache.settled(uri), first);
    region = 'cn-northwest-1';
    cache.delete(uri);
    assert.equal(cache.settled(uri), undefined, 'forgotten with the document');
    release = undefined;
    const pending = cache.get(uri); // its answer arrives after a configuration change cleared the cache
    cache.clear();
    region = 'cn-north-1';
    const current = cache.get(uri);
    region = 'cn-northwest-1'; // what the cleared fetch reads, answered last
    release!();
    await Promise.all([pending, current]);
    assert.equal(cache.settled(uri), await current, 'the value of the promise get gives now, not of the one cleared');
    assert.equal(cache.settled(uri)?.engine.targetRegion, 'cn-north-1');
  });
});

describe('applyLocale', () => {
  test('the language setting forces a locale; auto follows the display language', () => {
    assert.equal(applyLocale('auto', 'zh-CN'), 'zh-cn');
    assert.equal(applyLocale('en', 'zh-cn'), 'en');
    assert.equal(applyLocale('zh-cn', 'en-us'), 'zh-cn');
    assert.equal(applyLocale(undefined, 'de'), 'en');
    assert.equal(currentLocale(), 'en');
  });
});

describe('Environment', () => {
  test('every change starts a new generation, forgets settings and asks the client to re-pull', async () => {
    let fetches = 0;
    let refreshes = 0;
    const settings = new DocumentSettingsCache(async () => { fetches++; return {}; }, () => undefined);
    const environment = new Environment({
      settings, analyzer: new DocumentAnalyzer({ fileNameOf: () => undefined, workspaceRelativePathOf: () => undefined }),
      log: { error: () => undefined, warn: () => undefined }, displayLanguage: 'en',
      readLanguageSetting: async () => 'auto', refreshDiagnostics: async () => { refreshes++; },
    });
    await settings.get('file:///a.ts');
    await environment.configurationChanged();
    await environment.workspaceFoldersChanged();
    await environment.engineChanged();
    await settings.get('file:///a.ts');
    assert.equal(environment.generation, 3);
    assert.equal(refreshes, 3);
    assert.equal(fetches, 2);
  });
});

describe('DocumentAnalyzer', () => {
  const bedrockLine = 'import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";\nnew ConverseCommand({});\n';
  const analyzeWithSpy = (text: string) => {
    let refined = 0;
    const analyzer = new DocumentAnalyzer({
      fileNameOf: () => undefined, workspaceRelativePathOf: () => undefined,
      refineFindings: (_input, findings) => { refined++; return [...findings]; },
    });
    const document = TextDocument.create('file:///w/a.ts', 'typescript', 1, text);
    const analysis = analyzer.analyze(document, fromRaw({ maxFileSizeKb: 4096 }));
    return { refined, findings: analysis?.result.findings.length ?? 0 };
  };

  test('refines fixability of ordinary documents', () => {
    const result = analyzeWithSpy(bedrockLine);
    assert.equal(result.refined, 1);
    assert.ok(result.findings > 0);
  });

  test('refines large documents too (fixability is exact at every size)', () => {
    const result = analyzeWithSpy(bedrockLine + '// filler\n'.repeat(10_000));
    assert.equal(result.refined, 1);
    assert.ok(result.findings > 0);
  });

  test('serves the current version from its cache and keeps no superseded version of a document', () => {
    const analyzer = new DocumentAnalyzer({ fileNameOf: () => undefined, workspaceRelativePathOf: () => undefined });
    const settings = fromRaw({});
    const other = TextDocument.create('file:///w/other.ts', 'typescript', 1, bedrockLine);
    const first = TextDocument.create('file:///w/a.ts', 'typescript', 1, bedrockLine);
    const second = TextDocument.create('file:///w/a.ts', 'typescript', 2, `${bedrockLine}const x = 1;\n`);
    analyzer.analyze(other, settings);
    analyzer.analyze(first, settings);
    assert.equal(analyzer.analyze(first, settings)?.elapsedMs, 0, 'the same version again comes from the cache');
    const analysed = analyzer.analyze(second, settings);
    assert.equal(analyzer.analyze(second, settings)?.result, analysed?.result, 'the current version is cached');
    assert.deepStrictEqual(analyzer.cachedVersions('file:///w/a.ts'), [2]);
    assert.deepStrictEqual(analyzer.cachedVersions('file:///w/other.ts'), [1], "another document's analysis stays");
    // Analysing the superseded version again (a client that lags) works, and it becomes the one kept.
    assert.equal(analyzer.analyze(first, settings)?.result.findings.length, analysed?.result.findings.length);
    assert.deepStrictEqual(analyzer.cachedVersions('file:///w/a.ts'), [1]);
  });
});

describe('diagnostics handler', () => {
  /** A handler over one open document whose analysis does what `analyze` does; the log and trace lines it wrote. */
  function handlerWith(analyze: () => never) {
    const document = TextDocument.create('file:///a.ts', 'typescript', 1, 'const a = 1;\n');
    const errors: string[] = [];
    const handler = createDiagnosticsHandler({
      documents: new Map([[document.uri, document]]),
      settings: new DocumentSettingsCache(undefined, () => undefined),
      analyzer: { analyze } as unknown as DocumentAnalyzer,
      log: { error: (message) => errors.push(message), warn: () => undefined },
      tracing: () => true,
      trace: () => undefined,
      environmentGeneration: () => 0,
      reports: new DiagnosticReports(),
    });
    const pull = () => handler({ textDocument: { uri: document.uri } }, CancellationToken.None);
    return { pull, errors };
  }

  test('an engine that throws: logged with the document, answered with one diagnostic saying so; a ResponseError passes through', async () => {
    const failing = handlerWith(() => { throw new Error('engine bug'); });
    const report = await failing.pull();
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.kind === 'full' && report.items.map((item) => item.code), ['internal-error']);
    assert.equal(failing.errors.length, 1);
    assert.match(failing.errors[0], /diagnostics for file:\/\/\/a\.ts failed: Error: engine bug/);
    const cancelled = handlerWith(() => { throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled'); });
    await assert.rejects(cancelled.pull(), (error) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    assert.deepEqual(cancelled.errors, []);
  });
});

describe('toDiagnostics with the last report', () => {
  const TEXT = generateMigratableFile(100);
  const analysed = (text: string) => {
    const document = TextDocument.create('file:///a.ts', 'typescript', 1, text);
    return { document, result: analyze({ text, languageId: 'typescript', settings: DEFAULT_SETTINGS, fileName: 'a.ts' }) };
  };

  test('a finding whose diagnostic would equal the last one at its index gets that object; any field different, a new one', () => {
    const { document, result } = analysed(TEXT);
    const last = toDiagnostics(result, document);
    assert.ok(last.length >= 3);
    const again = toDiagnostics(result, document, last);
    assert.ok(again.every((diagnostic, i) => diagnostic === last[i]), 'the same findings at the same places: the same objects');
    // Each field toDiagnostic sets, changed in one finding at a time: that finding's diagnostic is new, and equal to a fresh one.
    const variants: Array<(finding: Finding) => Finding> = [
      (finding) => ({ ...finding, message: `${finding.message} (changed)` }),
      (finding) => ({ ...finding, severity: finding.severity === 'hint' ? 'error' : 'hint' }),
      (finding) => ({ ...finding, ruleId: finding.ruleId === 'bedrock/import' ? 'bedrock/invoke-model' : 'bedrock/import' }),
      (finding) => ({ ...finding, fixable: !finding.fixable }),
      (finding) => ({ ...finding, data: { ...finding.data } }),
      (finding) => ({ ...finding, range: { start: finding.range.start + 1, end: finding.range.end } }),
      (finding) => ({ ...finding, range: { start: finding.range.start, end: finding.range.end + 1 } }),
      (finding) => ({ ...finding, range: { start: finding.range.start, end: finding.range.end - 1 } }),
    ];
    for (const [v, variant] of variants.entries()) {
      // Made afresh: a diagnostic's data is cached per finding data object, and a variant with other fixability replaced it.
      const last = toDiagnostics(result, document);
      assert.ok(toDiagnostics(result, document, last).every((diagnostic, i) => diagnostic === last[i]));
      const changed = 1;
      const findings = result.findings.map((finding, i) => (i === changed ? variant(finding) : finding));
      const made = toDiagnostics({ findings }, document, last);
      assert.deepStrictEqual(made, toDiagnostics({ findings }, document), `variant ${v}: equal to a fresh conversion`);
      assert.ok(made.every((diagnostic, i) => (diagnostic === last[i]) === (i !== changed)), `variant ${v}: only the changed finding's diagnostic is new`);
    }
  });

  test('a line break above the findings: every diagnostic new (moved one line down), as a fresh conversion makes them', () => {
    const before = analysed(TEXT);
    const last = toDiagnostics(before.result, before.document);
    const after = analysed(`\n${TEXT}`);
    const made = toDiagnostics(after.result, after.document, last);
    assert.deepStrictEqual(made, toDiagnostics(after.result, after.document));
    assert.ok(made.every((diagnostic, i) => diagnostic !== last[i] && diagnostic.range.start.line === last[i].range.start.line + 1));
  });
});

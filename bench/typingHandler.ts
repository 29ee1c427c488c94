// The language server's share of a keystroke outside the transport, in-process (issue #13): the typing bench's
// keystrokes (typingLatency.ts) applied as the server applies a didChange (DocumentEdits), then the diagnostic pull
// answered by the server's own handler (diagnostics.ts: settings, environment, analysis, diagnostics, result ids),
// with the result id the client holds, as VS Code sends it. What it leaves out: vscode-jsonrpc and Node's IPC. Made to
// count instructions where wall time is noise (a shared box): run it under callgrind with two round counts and divide
// the difference by the keystrokes (BENCH_HANDLER_ROUNDS, default 20; BENCH_HANDLER_LINES, default 100;
// BENCH_HANDLER_PLACE='plain code' or 'a Bedrock function', default both).
//   node --import tsx -e "require('./bench/typingHandler.ts').benchTypingHandler()"
import { CancellationToken, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { refineFixability } from '../server/src/engine/fixes';
import { DiagnosticReports } from '../server/src/lsp/diagnosticReports';
import { createDiagnosticsHandler } from '../server/src/lsp/diagnostics';
import { DocumentAnalyzer } from '../server/src/lsp/documentAnalyzer';
import { DocumentEdits } from '../server/src/lsp/documentEdits';
import { DocumentSettingsCache } from '../server/src/lsp/documentSettings';
import { generateMigratableFile } from '../test/helpers/migratableFile';
import { PLACES } from './typingLatency';
import { keystrokesAt } from './typingEngine';

export async function benchTypingHandler(): Promise<void> {
  const rounds = Number(process.env.BENCH_HANDLER_ROUNDS ?? 20);
  const lines = Number(process.env.BENCH_HANDLER_LINES ?? 100);
  const places = PLACES.filter((place) => !process.env.BENCH_HANDLER_PLACE || place.name === process.env.BENCH_HANDLER_PLACE);
  const text = generateMigratableFile(lines);
  const uri = 'file:///bench/src/service.ts';
  const edits = new DocumentEdits();
  const documents = new Map<string, TextDocument>();
  const handler = createDiagnosticsHandler({
    documents,
    settings: new DocumentSettingsCache(undefined, () => undefined),
    analyzer: new DocumentAnalyzer({
      fileNameOf: () => '/bench/src/service.ts', workspaceRelativePathOf: () => 'src/service.ts', refineFindings: refineFixability,
      changeTo: (changed, typed) => edits.changeTo(changed, typed),
    }),
    log: { error: (message) => { throw new Error(message); }, warn: () => undefined },
    tracing: () => false,
    trace: () => undefined,
    environmentGeneration: () => 0,
    reports: new DiagnosticReports(),
  });
  let held: string | undefined;
  let unchanged = 0;
  const pull = async () => {
    const report: DocumentDiagnosticReport = await handler({ textDocument: { uri }, previousResultId: held }, CancellationToken.None);
    if (report.kind === 'unchanged') unchanged++;
    held = report.resultId;
  };
  let document = edits.create(uri, 'typescript', 1, text);
  documents.set(uri, document);
  await pull();
  let keystrokes = 0;
  const cpu = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (const place of places) {
      for (const { range, text: typed } of keystrokesAt(place.offset(text))) {
        const lspRange = { start: document.positionAt(range.start), end: document.positionAt(range.end) };
        document = edits.update(document, [{ range: lspRange, text: typed }], document.version + 1);
        documents.set(uri, document);
        await pull();
        keystrokes++;
      }
    }
  }
  const used = process.cpuUsage(cpu);
  console.log(`${keystrokes} keystrokes (${rounds} rounds, ${text.split('\n').length} lines, ${places.map((place) => place.name).join(' + ')}): ${((used.user + used.system) / keystrokes).toFixed(1)} us CPU each, ${unchanged} answered "unchanged"`);
}

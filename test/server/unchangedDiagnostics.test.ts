// "Unchanged" diagnostic reports over a real LSP connection (issue #13): a keystroke that leaves every diagnostic
// identical (LSP positions are line/character, and diagnostics carry no document version) is answered
// `{ kind: 'unchanged' }`, so a 10,000-line file's 170 diagnostics are not sent again per keystroke. Anything that
// changes a diagnostic (a range moved by a newline, a message, fixability) gets a full report, and a quick fix is
// given only for a diagnostic identical to one of the current text's, never for one whose range now holds other text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';
import { generateMigratableFile } from '../helpers/migratableFile';

/** ~470 lines, 30 findings spread over the file. */
const TEXT = generateMigratableFile(400, 25);
const LINES = TEXT.split('\n');
/** A line of plain code in the middle of the file, with findings before and after it. */
const PLAIN_LINE = LINES.findIndex((line, index) => line.startsWith('  return ticket.tags.every') && index > LINES.length / 2);
const MODEL_CONSTANT = '"meta.llama3-70b-instruct-v1:0"';

function at(line: number, character: number): { start: Position; end: Position } {
  return { start: { line, character }, end: { line, character } };
}

/** The items of a full report, and its result id. */
function full(report: DocumentDiagnosticReport): { items: Diagnostic[]; resultId: string } {
  assert.equal(report.kind, 'full', 'a full report');
  if (report.kind !== 'full' || !report.resultId) throw new Error('a full report with a result id');
  return { items: report.items, resultId: report.resultId };
}

function assertUnchanged(report: DocumentDiagnosticReport, resultId: string, after: string): void {
  assert.deepEqual(report, { kind: 'unchanged', resultId }, `"unchanged" after ${after}`);
}

const isFixable = (diagnostic: Diagnostic) => (diagnostic.data as { fixable: boolean }).fixable;

describe('"unchanged" diagnostic reports while typing', { timeout: 120_000 }, () => {
  let client: LspTestClient;
  let serial = 0;
  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A] });
    // The environment changes once, when the Python grammar has loaded (a refresh says so): a new environment is a
    // new result id, identical diagnostics or not, so wait for it before comparing ids.
    if (client.refreshes === 0) await client.nextRefresh();
  });
  after(async () => { await client.stop(); });

  /** A fresh document with TEXT and its first (full) report. */
  async function opened(): Promise<{ uri: string; first: { items: Diagnostic[]; resultId: string } }> {
    const uri = `${FOLDER_A.uri}/src/service${++serial}.ts`;
    await client.open(uri, 'typescript', TEXT);
    const first = full(await client.diagnostics(uri));
    assert.ok(first.items.length >= 20 && first.items.some((diagnostic) => diagnostic.range.start.line > PLAIN_LINE), 'findings after the typed line');
    return { uri, first };
  }

  test('typing on a line without findings answers "unchanged" with the same result id, keystroke after keystroke', async () => {
    assert.ok(PLAIN_LINE > 0);
    const { uri, first } = await opened();
    for (let typed = 0; typed < 4; typed++) {
      await client.changeRange(uri, at(PLAIN_LINE, 0), ' ');
      assertUnchanged(await client.diagnostics(uri, first.resultId), first.resultId, `${typed + 1} space(s)`);
    }
    // Without a previous result id (a client that kept nothing), the same diagnostics in full.
    assert.deepEqual(full(await client.diagnostics(uri)).items, first.items);
  });

  test('typing a line and deleting it, keystroke after keystroke: a full report only when a diagnostic changed', async () => {
    // What the typing bench types (a line break shifts the findings below; half-typed code stops the file parsing,
    // so fixability flips): every full report must differ from the diagnostics the client holds, else its new result
    // id was made for nothing (the client redraws, and the answer is sent in full).
    const { uri, first } = await opened();
    const typed = '\n  const total = ticket.tags.length * 2;';
    const start = { line: PLAIN_LINE - 1, character: LINES[PLAIN_LINE - 1].length };
    const positionOf = (count: number): Position => (count === 0 ? start : { line: PLAIN_LINE, character: count - 1 });
    let held = first;
    const kinds = { full: 0, unchanged: 0 };
    const keystroke = async (from: number, to: number, text: string, what: string) => {
      await client.changeRange(uri, { start: positionOf(from), end: positionOf(to) }, text);
      const report = await client.diagnostics(uri, held.resultId);
      if (report.kind === 'unchanged') {
        assertUnchanged(report, held.resultId, what);
        kinds.unchanged++;
        return;
      }
      const next = full(report);
      assert.notDeepStrictEqual(next.items, held.items, `a full report with the diagnostics the client holds, after ${what}`);
      assert.notEqual(next.resultId, held.resultId);
      held = next;
      kinds.full++;
    };
    for (let i = 0; i < typed.length; i++) await keystroke(i, i, typed[i], `typing ${JSON.stringify(typed.slice(0, i + 1))}`);
    for (let i = typed.length; i > 0; i--) await keystroke(i - 1, i, '', `deleting back to ${JSON.stringify(typed.slice(0, i - 1))}`);
    assert.ok(kinds.unchanged > kinds.full && kinds.full >= 2, `both kinds of report: ${JSON.stringify(kinds)}`);
    assert.deepStrictEqual(held.items, first.items, 'the first diagnostics again once the line is deleted');
  });

  test('a newline above findings gets a full report whose ranges moved one line down', async () => {
    const { uri, first } = await opened();
    await client.changeRange(uri, at(PLAIN_LINE, 0), '\n');
    const moved = full(await client.diagnostics(uri, first.resultId));
    assert.notEqual(moved.resultId, first.resultId);
    const shift = (position: Position) => (position.line >= PLAIN_LINE ? { ...position, line: position.line + 1 } : position);
    assert.deepEqual(moved.items, first.items.map((diagnostic) => ({ ...diagnostic, range: { start: shift(diagnostic.range.start), end: shift(diagnostic.range.end) } })));
    // And the same new version pulled again with its id: no analysis needed, "unchanged".
    assertUnchanged(await client.diagnostics(uri, moved.resultId), moved.resultId, 'the same version');
  });

  test('typing that changes a finding\'s message gets a full report; the other diagnostics are the same', async () => {
    const { uri, first } = await opened();
    const line = LINES.findIndex((text) => text.includes(MODEL_CONSTANT));
    const character = LINES[line].indexOf(MODEL_CONSTANT) + '"meta.llama3-'.length;
    await client.changeRange(uri, { start: { line, character }, end: { line, character: character + 1 } }, '8');
    const changed = full(await client.diagnostics(uri, first.resultId));
    const differing = changed.items.filter((diagnostic, index) => JSON.stringify(diagnostic) !== JSON.stringify(first.items[index]));
    assert.ok(differing.length > 0 && differing.every((diagnostic) => diagnostic.range.start.line === line), 'only the model id\'s line changed');
    assert.ok(differing.some((diagnostic) => String(diagnostic.message).includes('meta.llama3-80b')));
  });

  test('typing that changes fixability (the file stops parsing) gets a full report; more typing that leaves it so is "unchanged"', async () => {
    const { uri, first } = await opened();
    assert.ok(first.items.some(isFixable));
    await client.changeRange(uri, at(PLAIN_LINE, 0), 'const x = (');
    const broken = full(await client.diagnostics(uri, first.resultId));
    assert.equal(broken.items.filter(isFixable).length, 0, 'nothing is fixable while the file does not parse');
    await client.changeRange(uri, at(PLAIN_LINE, 'const x = ('.length), '1');
    assertUnchanged(await client.diagnostics(uri, broken.resultId), broken.resultId, 'a keystroke that leaves the file unparsable');
    await client.changeRange(uri, at(PLAIN_LINE, 'const x = (1'.length), ');');
    const parses = full(await client.diagnostics(uri, broken.resultId));
    assert.deepEqual(parses.items.map(isFixable), first.items.map(isFixable), 'fixable again once it parses');
  });

  test('a result id names one content for good: an older id is never answered "unchanged" for other diagnostics', async () => {
    const { uri, first } = await opened();
    const line = LINES.findIndex((text) => text.includes(MODEL_CONSTANT));
    const character = LINES[line].indexOf(MODEL_CONSTANT) + '"meta.llama3-'.length;
    await client.changeRange(uri, { start: { line, character }, end: { line, character: character + 1 } }, '8');
    // Two pulls in flight at once (two clients, or a pull the client gave up on), both for the new version.
    const [one, two] = await Promise.all([client.diagnostics(uri, first.resultId), client.diagnostics(uri, first.resultId)]);
    const second = full(one);
    assert.equal(full(two).resultId, second.resultId, 'the same diagnostics, the same id');
    // The older id, arriving late, is not the current content's.
    assert.equal((await client.diagnostics(uri, first.resultId)).kind, 'full');
    // Back to the first text: its diagnostics are those of the first id's again, but the second id's are not current.
    await client.changeRange(uri, { start: { line, character }, end: { line, character: character + 1 } }, '7');
    const back = await client.diagnostics(uri, second.resultId);
    assert.deepEqual(full(back).items.map((diagnostic) => diagnostic.message), first.items.map((diagnostic) => diagnostic.message));
  });

  test('closing a document drops its last report: reopened, its old result id gets a full report', async () => {
    const { uri, first } = await opened();
    await client.close(uri);
    await client.open(uri, 'typescript', TEXT);
    assert.deepEqual(full(await client.diagnostics(uri, first.resultId)).items.map((d) => d.message), first.items.map((d) => d.message));
  });

  test('a code action for a diagnostic of an older version whose range now holds other text offers no fix', async () => {
    const { uri, first } = await opened();
    const stale = first.items.find((diagnostic) => diagnostic.code === 'bedrock/invoke-model' && diagnostic.range.start.line > PLAIN_LINE)!;
    assert.ok(stale && isFixable(stale));
    const titlesFor = async (diagnostic: Diagnostic) => (await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']))
      .filter((action) => action.edit).map((action) => action.title);
    assert.ok((await titlesFor(stale)).length > 0, 'the diagnostic has a fix while current');
    await client.changeRange(uri, at(PLAIN_LINE, 0), '\n');
    assert.deepEqual(await titlesFor(stale), [], 'its range now covers the line above the call');
    // The same call's fresh diagnostic (one line down) has its fix.
    const fresh = (await client.diagnosticItems(uri)).find((diagnostic) => diagnostic.code === 'bedrock/invoke-model' && diagnostic.range.start.line === stale.range.start.line + 1)!;
    assert.ok((await titlesFor(fresh)).length > 0);
  });

  test('a code action for a diagnostic whose range holds a finding of the same rule that now says something else offers no fix', async () => {
    const { uri, first } = await opened();
    const line = LINES.findIndex((text, index) => text.includes('new InvokeModelCommand({ modelId: "meta.llama3-8b-instruct-v1:0"') && index > PLAIN_LINE);
    const stale = first.items.find((diagnostic) => diagnostic.code === 'bedrock/invoke-model' && diagnostic.range.start.line === line)!;
    assert.ok(stale && isFixable(stale));
    // Another model id of the same length: the finding has the same rule and range, but other data and message.
    const character = LINES[line].indexOf('llama3-8b') + 'llama3-'.length;
    await client.changeRange(uri, { start: { line, character }, end: { line, character: character + 1 } }, '7');
    const now = await client.diagnosticItems(uri);
    assert.ok(now.some((diagnostic) => diagnostic.code === 'bedrock/invoke-model' && JSON.stringify(diagnostic.range) === JSON.stringify(stale.range) && diagnostic.message !== stale.message));
    const actions = await client.codeActions(uri, stale.range, [stale], ['quickfix']);
    assert.deepEqual(actions.filter((action) => action.edit), []);
  });

  test('after several "unchanged" keystrokes, the diagnostic the client kept (an older version\'s) gets a quick fix for the current text', async () => {
    const { uri } = await opened();
    const kept = await client.diagnosticItems(uri);
    let version = 1;
    for (let typed = 0; typed < 3; typed++) {
      version = await client.changeRange(uri, at(PLAIN_LINE, 0), ' ');
      assert.equal(await client.diagnosticItems(uri), kept, 'the client still holds the first report\'s objects');
    }
    const importDiagnostic = kept.find((diagnostic) => diagnostic.code === 'bedrock/import')!;
    const [fix] = (await client.codeActions(uri, importDiagnostic.range, [importDiagnostic], ['quickfix'])).filter((action) => action.edit);
    assert.ok(fix, 'a quick fix with an edit');
    const edit = fix.edit!.documentChanges!.find((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri)!;
    assert.equal(edit.textDocument.version, version, 'for the current version');
    const current = TextDocument.create(uri, 'typescript', version, `${LINES.slice(0, PLAIN_LINE).join('\n')}\n   ${TEXT.split('\n').slice(PLAIN_LINE).join('\n')}`);
    const fixed = TextDocument.applyEdits(current, edit.edits as TextEdit[]);
    assert.match(fixed.split('\n')[0], /@aws-sdk\/client-sagemaker-runtime/);
    assert.ok(fixed.includes(`\n     return ticket.tags.every`), 'the typed spaces are kept');
  });
});

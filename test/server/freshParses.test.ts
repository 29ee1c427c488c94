// A document is parsed from scratch once, when it opens; after that every keystroke re-parses only what it touched
// (issue #13). Environment events that change nothing for the document (the Python grammar finishing loading at
// start, a configuration change with the same settings) drop the cached results but must not drop its tree.
// Counted with the engine's work counters, read over the real LSP connection (workCountsRequest.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Position } from 'vscode-languageserver-protocol';
import { WORK_COUNTS_ENV, WorkCountsRequest } from '../../server/src/lsp/workCountsRequest';
import type { WorkCounts } from '../../server/src/engine/workCounters';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';
import { generateMigratableFile } from '../helpers/migratableFile';

const TEXT = generateMigratableFile(1_000);
/** In the body of a function: each keystroke can be re-parsed as its one statement. */
const AT = TEXT.indexOf('{', TEXT.indexOf('export function validTicket', TEXT.length / 2)) + 1;

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('fresh parses of an open document', { timeout: 120_000 }, () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start({ folders: [FOLDER_A], env: { [WORK_COUNTS_ENV]: '1' } }); });
  after(async () => { await client.stop(); });

  const counts = () => client.connection.sendRequest(WorkCountsRequest.type);
  const since = async (start: WorkCounts) => {
    const now = await counts();
    return Object.fromEntries(Object.entries(now).map(([key, value]) => [key, value - start[key as keyof WorkCounts]])) as WorkCounts;
  };

  test('open, keystrokes, environment events, more keystrokes: one fresh parse, then statement re-parses only', async () => {
    assert.ok(AT > TEXT.length / 2);
    const uri = `${FOLDER_A.uri}/src/opened.ts`;
    const start = await counts();
    await client.open(uri, 'typescript', TEXT);
    const opened = await client.diagnosticItems(uri);
    assert.ok(opened.length > 0);
    let typed = 0;
    const keystroke = async () => {
      const position = positionAt(TEXT, AT);
      const at = { line: position.line, character: position.character + typed };
      await client.changeRange(uri, { start: at, end: at }, ' ');
      typed++;
      assert.equal((await client.diagnosticItems(uri)).length, opened.length);
    };
    await keystroke();
    await keystroke();
    // The same settings again: the server forgets its cached results and asks for a re-pull.
    const refreshed = client.nextRefresh();
    await client.updateSettings('*', {});
    await refreshed;
    // The Python grammar's refresh at start (one of the two, whenever it came).
    if (client.refreshes < 2) await client.nextRefresh();
    assert.equal((await client.diagnosticItems(uri)).length, opened.length);
    await keystroke();
    await keystroke();
    const work = await since(start);
    assert.equal(work.freshParses, 1, 'parsed from scratch once, on open');
    assert.equal(work.fileReparses, 1, 'no keystroke re-parsed the whole file');
    assert.equal(work.statementReparses, 4, 'each keystroke re-parsed its statement');
    await client.close(uri);
  });
});

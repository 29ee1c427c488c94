// Typing over a real LSP connection (issue #13): keystrokes sent as VS Code sends them (the changed range only), a
// diagnostic pull after each. The server answers from what it kept across versions (incremental tree, per-statement
// results, refinement verdicts, findings' places); after every keystroke its diagnostics must equal those of a
// document opened fresh with the same text (the test client keeps the items of an "unchanged" report, as VS Code
// does: what is compared is what the editor shows). The server takes each keystroke's changed span from the range
// sent, without comparing the texts (work counters over the connection).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Position } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';
import { generateMigratableFile } from '../helpers/migratableFile';
import { WORK_COUNTS_ENV, WorkCountsRequest } from '../../server/src/lsp/workCountsRequest';

const TEXT = generateMigratableFile(120);
/** Typed one character at a time, then deleted one at a time: the half-typed versions do not parse. */
const TYPED = '\n  const total = question.length * 2;';

const PLACES: Array<{ name: string; offset: number }> = [
  { name: 'plain code', offset: TEXT.indexOf('{', TEXT.indexOf('export function validTicket')) + 1 },
  { name: 'a function that calls Bedrock', offset: TEXT.indexOf('{', TEXT.indexOf('export async function chat')) + 1 },
];

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('diagnostics while typing', { timeout: 120_000 }, () => {
  let client: LspTestClient;
  before(async () => { client = await LspTestClient.start({ folders: [FOLDER_A], env: { [WORK_COUNTS_ENV]: '1' } }); });
  after(async () => { await client.stop(); });

  for (const place of PLACES) {
    test(`keystroke by keystroke in ${place.name}, every pull equals a fresh analysis of the same text`, async () => {
      assert.ok(place.offset > 0);
      const uri = `${FOLDER_A.uri}/src/typed.ts`;
      const freshUri = `${FOLDER_A.uri}/src/fresh.ts`;
      await client.open(uri, 'typescript', TEXT);
      const opened = await client.diagnosticItems(uri);
      assert.ok(opened.some((diagnostic) => (diagnostic.data as { fixable?: boolean }).fixable), 'the file has fixable findings');
      const start = positionAt(TEXT, place.offset);
      // TYPED has one line break, at its start: positions after it are on the next line.
      const positionOf = (typed: number): Position => (typed === 0 ? start : { line: start.line + 1, character: typed - 1 });
      const textWith = (typed: number) => TEXT.slice(0, place.offset) + TYPED.slice(0, typed) + TEXT.slice(place.offset);
      const steps: Array<{ from: number; to: number; insert: string; typed: number }> = [];
      for (let i = 0; i < TYPED.length; i++) steps.push({ from: i, to: i, insert: TYPED[i], typed: i + 1 });
      for (let i = TYPED.length; i > 0; i--) steps.push({ from: i - 1, to: i, insert: '', typed: i - 1 });
      let compared = 0;
      const textsCompared = async () => (await client.connection.sendRequest(WorkCountsRequest.type)).textsCompared;
      const comparedBefore = await textsCompared();
      for (const step of steps) {
        await client.changeRange(uri, { start: positionOf(step.from), end: positionOf(step.to) }, step.insert);
        const typed = await client.diagnosticItems(uri);
        await client.open(freshUri, 'typescript', textWith(step.typed));
        const fresh = await client.diagnosticItems(freshUri);
        await client.close(freshUri);
        assert.deepStrictEqual(typed, fresh, `after typing ${JSON.stringify(TYPED.slice(0, step.typed))}`);
        compared += typed.length;
      }
      assert.ok(compared > steps.length, 'diagnostics were compared');
      // Each keystroke's changed span is the range the client sent: no version was compared with the one before.
      assert.equal(await textsCompared() - comparedBefore, 0, 'versions compared to find the change');
      await client.close(uri);
    });
  }
});

// The extension starts the server with Node's IPC channel as transport (client/src/client.ts: TransportKind.ipc), not
// stdio as most protocol tests do: over it, a document opened and edited gets the same diagnostics as over stdio, and
// the server shuts down when asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';
import { FOLDER_A } from '../helpers/lspSamples';
import { generateMigratableFile } from '../helpers/migratableFile';

const TEXT = generateMigratableFile(120);
const URI = `${FOLDER_A.uri}/src/service.ts`;
const AT = TEXT.indexOf('{', TEXT.indexOf('export async function chat')) + 1;

async function diagnosticsAfterTyping(transport: 'stdio' | 'ipc') {
  const client = await LspTestClient.start({ folders: [FOLDER_A], transport });
  try {
    await client.open(URI, 'typescript', TEXT);
    const opened = await client.diagnosticItems(URI);
    const before = TEXT.slice(0, AT);
    const line = before.split('\n').length - 1;
    const character = AT - (before.lastIndexOf('\n') + 1);
    await client.changeRange(URI, { start: { line, character }, end: { line, character } }, '\n  const n = 1;');
    const edited = await client.diagnosticItems(URI);
    return { opened, edited };
  } finally {
    await client.stop();
  }
}

test('over the IPC channel the extension uses, diagnostics are those over stdio', { timeout: 60_000 }, async () => {
  const ipc = await diagnosticsAfterTyping('ipc');
  const stdio = await diagnosticsAfterTyping('stdio');
  assert.ok(ipc.opened.length > 0, 'the sample has findings');
  assert.ok(ipc.opened.some((diagnostic) => (diagnostic.data as { fixable?: boolean }).fixable), 'and fixable ones');
  assert.deepStrictEqual(ipc.opened, stdio.opened);
  assert.deepStrictEqual(ipc.edited, stdio.edited);
  const ranges = (items: typeof ipc.opened) => items.map((diagnostic) => diagnostic.range);
  assert.notDeepStrictEqual(ranges(ipc.edited), ranges(ipc.opened), 'the edit moved the later findings a line down');
});

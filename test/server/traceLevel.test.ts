// The server's trace over a real LSP connection: the line each analysis writes ("analysed <uri> v<n> in <ms> ms")
// reaches a client that set `$/setTrace` to verbose or messages, and none is sent while the trace is off. The server
// builds that line only when it is sent (server/src/lsp/traceLevel.ts), so this checks it still learns the level.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LogTraceNotification, SetTraceNotification } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { CHAT_TS, FOLDER_A } from '../helpers/lspSamples';

describe('trace of analyses', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  const traced: string[] = [];
  before(async () => {
    client = await LspTestClient.start({ folders: [FOLDER_A] });
    client.connection.onNotification(LogTraceNotification.type, (params) => { traced.push(params.message); });
  });
  after(async () => { await client.stop(); });

  const uri = `${FOLDER_A.uri}/src/traced.ts`;
  /** What the server traced for one edit and its pull (the trace line is sent before the pull's answer). */
  const traceOfEdit = async (text: string): Promise<string[]> => {
    traced.length = 0;
    await client.change(uri, text);
    await client.diagnosticItems(uri);
    return [...traced];
  };

  test('no trace line while the trace is off (the default)', async () => {
    await client.open(uri, 'typescript', CHAT_TS);
    await client.diagnosticItems(uri);
    assert.deepEqual(await traceOfEdit(`${CHAT_TS}\n// 1`), []);
  });

  for (const level of ['verbose', 'messages'] as const) {
    test(`a trace line per analysis with the trace set to ${level}`, async () => {
      await client.connection.sendNotification(SetTraceNotification.type, { value: level });
      const lines = await traceOfEdit(`${CHAT_TS}\n// ${level}`);
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0], new RegExp(`^analysed ${uri} v\\d+ in [\\d.]+ ms: \\d+ finding\\(s\\)$`));
    });
  }

  test('none again once the trace is set off', async () => {
    await client.connection.sendNotification(SetTraceNotification.type, { value: 'off' });
    assert.deepEqual(await traceOfEdit(`${CHAT_TS}\n// off`), []);
  });
});

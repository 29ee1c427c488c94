// The server's `--stdio` writer (issue #13): one write per message, framed as the base protocol says, in order,
// and a failed write reported to the connection.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { framed, SingleWriteMessageWriter } from '../../server/src/lsp/stdioTransport';

/** A stream that keeps each write as one chunk, or fails every write with `failWith`. */
function recordingStream(failWith?: Error): { stream: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (failWith) return callback(failWith);
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, chunks };
}

/** Splits one frame into its header and body; fails unless the header's length is the body's byte length. */
function unframe(frame: Buffer): unknown {
  const text = frame.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const match = /^Content-Length: (\d+)$/.exec(text.slice(0, end));
  assert.ok(match, `header: ${JSON.stringify(text.slice(0, end))}`);
  const body = frame.subarray(end + 4);
  assert.equal(body.length, Number(match[1]));
  return JSON.parse(body.toString('utf8'));
}

const response: Message & { id: number; result: unknown } = {
  jsonrpc: '2.0', id: 7,
  result: { kind: 'full', items: [{ message: 'Bedrock 不可用 — ünïcödé 🚀', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } } }] },
};

describe('stdio transport', () => {
  test('a frame is the Content-Length header of the UTF-8 body, a blank line, then the body', () => {
    const frame = framed(response);
    assert.deepStrictEqual(unframe(frame), response);
    assert.ok(frame.length > JSON.stringify(response).length, 'non-ASCII text counts in bytes, not characters');
  });

  test('each message is one write, in the order written', async () => {
    const { stream, chunks } = recordingStream();
    const writer = new SingleWriteMessageWriter(stream);
    const messages = [1, 2, 3].map((id) => ({ ...response, id }));
    await Promise.all(messages.map((message) => writer.write(message)));
    assert.equal(chunks.length, 3);
    assert.deepStrictEqual(chunks.map(unframe), messages);
  });

  test('a failed write rejects and is reported with the message and a count of failures', async () => {
    const failure = new Error('EPIPE');
    const { stream } = recordingStream(failure);
    stream.on('error', () => undefined); // the writer reports the stream's error event too; this test checks the write's
    const writer = new SingleWriteMessageWriter(stream);
    const reported: Array<[Error, Message | undefined, number | undefined]> = [];
    writer.onError(([error, message, count]) => reported.push([error, message, count]));
    await assert.rejects(writer.write(response), failure);
    const fromWrite = reported.find(([, message]) => message !== undefined);
    assert.deepStrictEqual(fromWrite, [failure, response, 1]);
  });
});

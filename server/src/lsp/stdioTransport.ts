import { format } from 'node:util';
import { AbstractMessageWriter, type Message, type MessageWriter, type Connection } from 'vscode-languageserver/node';

/**
 * Writes each message to a stream with its header in one write. The library's stream writer writes the header and
 * the body separately, waiting for the first to finish: on a pipe (`--stdio`) each write wakes the client, which
 * cannot do anything with a header alone, so every answer cost two wake-ups and two system calls (issue #13:
 * about a third of a millisecond per diagnostic pull on a small file). Messages keep their order: the stream
 * queues writes in call order.
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        this.stream.write(framed(message), (error) => {
          if (error) {
            this.fireError(error, message, ++this.errorCount);
            reject(error);
          } else {
            this.errorCount = 0;
            resolve();
          }
        });
      } catch (error) {
        this.fireError(error as Error, message, ++this.errorCount);
        reject(error);
      }
    });
  }

  end(): void {
    this.stream.end();
  }
}

/** The message as the base protocol frames it: `Content-Length` header, blank line, UTF-8 JSON body. */
export function framed(message: Message): Buffer {
  const body = JSON.stringify(message);
  const bodyLength = Buffer.byteLength(body, 'utf8');
  const header = `Content-Length: ${bodyLength}\r\n\r\n`;
  const frame = Buffer.allocUnsafe(header.length + bodyLength);
  frame.write(header, 0, 'ascii');
  frame.write(body, header.length, 'utf8');
  return frame;
}

/**
 * What the library does when it opens stdio itself, for a connection we opened: the server ends when the client
 * closes its stdin, and a stray `console.log` (ours or a dependency's) goes to the client's log instead of
 * corrupting the protocol on stdout (`console.error`, `warn` and `trace` write to stderr, which the client shows).
 */
export function ownStdio(connection: Pick<Connection, 'onShutdown' | 'console'>): void {
  let shutdown = false;
  connection.onShutdown(() => { shutdown = true; });
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = toLog;
  console.debug = toLog;
  console.dir = toLog;
  console.table = toLog;
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
}

// AWS event-stream framing (the binary format both SDK clients decode for streaming operations).
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** One `:message-type=event` message carrying `body`. */
export function encodeEvent(eventType: string, body: Uint8Array, contentType: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: contentType },
    },
    body,
  });
}

/** An event whose payload is a JSON document (Bedrock's ConverseStream events and InvokeModel stream chunks). */
export function encodeJsonEvent(eventType: string, payload: unknown): Uint8Array {
  return encodeEvent(eventType, fromUtf8(JSON.stringify(payload)), 'application/json');
}

/** A modeled error in the stream (`:message-type=exception`), e.g. SageMaker's ModelStreamError. */
export function encodeException(exceptionType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

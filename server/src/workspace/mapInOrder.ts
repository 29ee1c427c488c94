import type { Limiter } from './limiter';

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Maps an async stream with bounded concurrency and yields results in input order. At most `lookahead`
 * items are started ahead of the consumer, so memory stays bounded however long the stream is.
 */
export async function* mapInOrder<T, R>(
  source: AsyncIterable<T>,
  limiter: Limiter,
  lookahead: number,
  map: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Array<Promise<Settled<R>>> = [];
  for await (const item of source) {
    // Settle eagerly: a rejection that waits in the queue must not become an unhandled rejection.
    pending.push(limiter.run(() => map(item)).then(
      (value): Settled<R> => ({ ok: true, value }),
      (error: unknown): Settled<R> => ({ ok: false, error }),
    ));
    if (pending.length >= lookahead) yield unwrap(await pending.shift()!);
  }
  while (pending.length > 0) yield unwrap(await pending.shift()!);
}

function unwrap<R>(settled: Settled<R>): R {
  if (settled.ok) return settled.value;
  throw settled.error;
}

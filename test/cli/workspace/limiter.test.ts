import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Limiter, mapInOrder } from '../../../server/src/workspace';

async function* numbers(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) yield i;
}

describe('Limiter', () => {
  test('never runs more than its limit at once and runs everything', async () => {
    const limiter = new Limiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => limiter.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await delay(i % 4);
      running--;
      return i;
    })));
    assert.equal(peak, 3);
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
  });

  test('a failing task frees its slot and rejects only its own promise', async () => {
    const limiter = new Limiter(1);
    await assert.rejects(limiter.run(async () => { throw new Error('boom'); }), /boom/);
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });

  test('refuses a limit below 1', () => {
    assert.throws(() => new Limiter(0), RangeError);
  });
});

describe('mapInOrder', () => {
  test('yields in input order even when later items finish first, with bounded work in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const output: number[] = [];
    for await (const value of mapInOrder(numbers(30), new Limiter(4), 8, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await delay((30 - n) % 5);
      inFlight--;
      return n * 2;
    })) output.push(value);
    assert.deepEqual(output, Array.from({ length: 30 }, (_, i) => i * 2));
    assert.ok(peak <= 4, `peak ${peak}`);
  });

  test('does not read the source further ahead than its lookahead', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<number> {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield i;
      }
    }
    for await (const value of mapInOrder(counted(), new Limiter(2), 4, async (n) => n)) {
      if (value === 0) break;
    }
    assert.ok(pulled <= 5, `pulled ${pulled}`);
  });

  test('a rejection surfaces at its position, never as an unhandled rejection', async () => {
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const value of mapInOrder(numbers(5), new Limiter(5), 5, async (n) => {
        if (n === 3) throw new Error('three');
        return n;
      })) seen.push(value);
    }, /three/);
    assert.deepEqual(seen, [0, 1, 2]);
  });
});

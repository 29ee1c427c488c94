import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, composeEdits, sortEdits } from '../../server/src/engine/textEdits';
import type { TextEdit } from '../../server/src/engine/fixTypes';

// The pipeline folds each pass's edits (against the text the previous pass produced) into one list against the
// original. Composition must give exactly the text that applying the passes one after another gives.

/** Deterministic pseudo-random numbers (mulberry32), so a failure is reproducible from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random disjoint edits over `text`: replacements, deletions and insertions (several at one offset too). */
function randomEdits(text: string, next: () => number): TextEdit[] {
  const edits: TextEdit[] = [];
  let position = 0;
  while (position <= text.length && edits.length < 6) {
    position += Math.floor(next() * 6);
    if (position > text.length) break;
    const length = Math.min(Math.floor(next() * 4), text.length - position);
    const newText = ['', 'x', 'YZ', '\n', 'abc'][Math.floor(next() * 5)];
    edits.push({ range: { start: position, end: position + length }, newText });
    position += length;
  }
  return edits;
}

describe('edit composition', () => {
  it('equals applying the passes in sequence, for 2000 random pass pairs', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const next = random(seed);
      const original = 'const a = 1;\nconst b = "two";\n'.slice(0, 5 + Math.floor(next() * 25));
      const first = randomEdits(original, next);
      const afterFirst = applyEdits(original, first);
      const second = randomEdits(afterFirst, next);
      const composed = composeEdits(original, first, second);
      assert.equal(applyEdits(original, composed), applyEdits(afterFirst, second), `seed ${seed}`);
      const sorted = sortEdits(composed);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].range.start >= sorted[i - 1].range.end, `seed ${seed}: overlap`);
      for (const edit of composed) assert.notEqual(original.slice(edit.range.start, edit.range.end), edit.newText, `seed ${seed}: no-op edit`);
    }
  });

  it('keeps untouched edits minimal and merges only where passes meet', () => {
    const original = 'import { A } from "a";\nnew A();\n';
    const first: TextEdit[] = [{ range: { start: 9, end: 10 }, newText: 'B' }, { range: { start: 27, end: 28 }, newText: 'B' }];
    const afterFirst = applyEdits(original, first);
    const second: TextEdit[] = [{ range: { start: 19, end: 20 }, newText: 'b' }, { range: { start: 10, end: 10 }, newText: ', C' }];
    assert.deepEqual(sortEdits(composeEdits(original, first, second)), [
      { range: { start: 9, end: 10 }, newText: 'B, C' },
      { range: { start: 19, end: 20 }, newText: 'b' },
      { range: { start: 27, end: 28 }, newText: 'B' },
    ]);
    assert.equal(applyEdits(original, composeEdits(original, first, second)), applyEdits(afterFirst, second));
  });

  it('applyEdits rejects overlapping or out-of-range edits', () => {
    assert.throws(() => applyEdits('abc', [{ range: { start: 0, end: 2 }, newText: '' }, { range: { start: 1, end: 3 }, newText: '' }]), /overlapping/);
    assert.throws(() => applyEdits('abc', [{ range: { start: 2, end: 4 }, newText: '' }]), /out-of-range/);
  });
});

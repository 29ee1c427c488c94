// Oracle test for the presence of fixed strings carried across versions (textPresence.ts): after every edit, its
// answers equal a search of the whole text, and the change it keeps equals a comparison of the two texts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changeBetween } from '../../server/src/engine/textChange';
import { TextPresence, knownChange, textIncludes } from '../../server/src/engine/textPresence';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { seededRandom } from '../helpers/seededRandom';

/** Short needles over a small alphabet, so random edits make and break occurrences often. */
const NEEDLES = ['ab', 'abc', 'ba-', '\u0000', 'c-a-b'];
const ALPHABET = 'abc-\u0000 ';

describe('text presence across versions', () => {
  for (const seed of [1, 7, 42]) {
    test(`answers as a whole-text search after each of 2,000 random edits (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const pick = (count: number) => Array.from({ length: count }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      const presence = new TextPresence();
      let text = pick(200);
      presence.update(text);
      let found = 0;
      for (let i = 0; i < 2_000; i++) {
        const start = Math.floor(random() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(random() * 4));
        const previous = text;
        text = text.slice(0, start) + pick(Math.floor(random() * 4)) + text.slice(end);
        presence.update(text);
        const input = { text, presence };
        if (previous !== text) assert.deepStrictEqual(knownChange(input, previous), changeBetween(previous, text));
        // Some needles asked after every edit, others now and then: both kinds of carried answer are checked.
        for (const needle of NEEDLES) {
          if (needle !== 'c-a-b' || random() < 0.2) {
            assert.equal(textIncludes(input, needle), text.includes(needle), `${JSON.stringify(needle)} in ${JSON.stringify(text)}`);
            if (text.includes(needle)) found++;
          }
        }
      }
      assert.ok(found > 1_000, `needles present only ${found} times: the test would not see a removal`);
    });
  }

  test('a needle absent before is found around the edit, without searching the whole text', () => {
    const presence = new TextPresence();
    const text = 'x'.repeat(100_000);
    presence.update(text);
    assert.equal(presence.includes('// directive'), false);
    const before = snapshotWorkCounters();
    const edited = `${text.slice(0, 50_000)}// directive${text.slice(50_000)}`;
    presence.update(edited);
    assert.equal(presence.includes('// directive'), true);
    presence.update(text);
    assert.equal(presence.includes('// directive'), false);
    assert.equal(workSince(before).wholeTextSearches, 1, 'only the removal of a present needle searches again');
  });

  test('forgetting the change lets the previous text go; answers stay those of the current text', () => {
    const presence = new TextPresence();
    presence.update('abc abc');
    presence.update('abc ab-c', { from: 'abc abc', range: { span: { start: 6, length: 0 }, newLength: 1 } });
    assert.equal(presence.change?.from, 'abc abc');
    presence.forgetChange();
    assert.equal(presence.change, undefined);
    assert.equal(knownChange({ text: 'abc ab-c', presence }, 'abc abc'), undefined, 'asked after: not known, compared by the caller');
    assert.equal(presence.includes('b-c'), true);
    presence.update('abc ab-cb-c');
    assert.equal(presence.includes('cb-'), true);
  });

  test('an input with another text is answered by searching it, not from the presence', () => {
    const presence = new TextPresence();
    presence.update('no marker here');
    assert.equal(presence.includes('marker!'), false);
    assert.equal(textIncludes({ text: 'a marker! here', presence }, 'marker!'), true);
    assert.equal(knownChange({ text: 'a marker! here', presence }, 'no marker here'), undefined);
  });
});

// Oracle test for the word counts carried across versions (wordCounts.ts, the refinement's file-wide property names):
// after every edit they equal a count over the whole text, and a version made by a known edit is counted around it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WordCounts } from '../../server/src/engine/fixes/wordCounts';
import { TextPresence } from '../../server/src/engine/textPresence';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { seededRandom } from '../helpers/seededRandom';

/** Words over a small alphabet, one of them overlapping itself ('aa' twice in 'aaa'), so edits make and break occurrences often. */
const WORDS = ['ab', 'aa', 'ba-b', 'c'];
const ALPHABET = 'abc- ';

function wholeCount(text: string, word: string): number {
  let count = 0;
  for (let at = 0; at + word.length <= text.length; at++) if (text.startsWith(word, at)) count++;
  return count;
}

describe('word counts across versions', () => {
  for (const seed of [3, 11, 97]) {
    test(`equal a count over the whole text after each of 2,000 random edits (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const pick = (count: number) => Array.from({ length: count }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
      const presence = new TextPresence();
      const counts = new WordCounts();
      let text = pick(200);
      presence.update(text);
      counts.count({ text, presence }, WORDS);
      const before = snapshotWorkCounters();
      let changes = 0;
      for (let i = 0; i < 2_000; i++) {
        const start = Math.floor(random() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(random() * 5));
        const next = text.slice(0, start) + pick(Math.floor(random() * 5)) + text.slice(end);
        const wanted = WORDS.map((word) => wholeCount(next, word));
        if (wanted.join() !== WORDS.map((word) => wholeCount(text, word)).join()) changes++;
        text = next;
        presence.update(text);
        assert.deepStrictEqual(counts.count({ text, presence }, WORDS), wanted, JSON.stringify(text));
      }
      assert.ok(changes > 500, `the counts changed only ${changes} times: the test would not see a wrong one`);
      assert.equal(workSince(before).wholeTextSearches, 0, 'every version is counted around its edit');
    });
  }

  test('a text the presence does not know how it was made is counted whole', () => {
    const counts = new WordCounts();
    const presence = new TextPresence();
    presence.update('ab ab');
    assert.deepStrictEqual(counts.count({ text: 'ab ab', presence }, WORDS), [2, 0, 0, 0]);
    const before = snapshotWorkCounters();
    // Another document's text, and versions skipped: the carried counts do not apply.
    assert.deepStrictEqual(counts.count({ text: 'aaa c' }, WORDS), [0, 2, 0, 1]);
    presence.update('ab');
    presence.update('ab c');
    assert.deepStrictEqual(counts.count({ text: 'ab c', presence }, WORDS), [1, 0, 0, 1]);
    assert.equal(workSince(before).wholeTextSearches, 2 * WORDS.length);
  });
});

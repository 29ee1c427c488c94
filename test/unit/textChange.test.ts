import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeBetween } from '../../server/src/engine/textChange';

/** Applying the change to the old text must give the new text, and the kept prefix and suffix must be maximal. */
function check(oldText: string, newText: string): void {
  const { span, newLength } = changeBetween(oldText, newText);
  const inserted = newText.slice(span.start, span.start + newLength);
  assert.equal(oldText.slice(0, span.start) + inserted + oldText.slice(span.start + span.length), newText);
  const prefix = span.start;
  const suffix = oldText.length - span.start - span.length;
  const canGrowPrefix = prefix < Math.min(oldText.length, newText.length) - suffix && oldText[prefix] === newText[prefix];
  assert.ok(!canGrowPrefix, 'prefix is maximal');
}

test('changeBetween: the minimal span, for edits anywhere in short and long texts', () => {
  const long = Array.from({ length: 2000 }, (_, i) => `line ${i}\n`).join('');
  const cases: Array<[string, string]> = [
    ['', ''], ['', 'a'], ['a', ''], ['abc', 'abc'], ['abc', 'abxc'], ['aaaa', 'aaa'], ['abab', 'ab'],
    [long, long], [long, `x${long}`], [long, `${long}x`], [long, long.slice(0, 7000) + long.slice(7001)],
    [long, long.slice(0, 5000) + 'inserted' + long.slice(5000)], [long, long.replace('line 1000', 'LINE 1000')],
    [long, long.slice(300)], [long, 'short'], [`${long}${long}`, long],
  ];
  for (const [oldText, newText] of cases) {
    check(oldText, newText);
    check(newText, oldText);
  }
});

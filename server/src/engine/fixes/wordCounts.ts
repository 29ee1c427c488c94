import { knownChange } from '../textPresence';
import type { AnalyzeInput } from '../types';
import { workCounters } from '../workCounters';

/**
 * How often some words occur in one document's text, carried from one version to the next: an occurrence that does
 * not overlap the edited span was there before and is still there, so a keystroke counts only in the few characters
 * around the edit, before and after it, instead of searching the whole text again (issue #13: the refinement's
 * key counted its file-wide property names over the whole text on each keystroke).
 */
export class WordCounts {
  private text: string | undefined;
  private words: readonly string[] = [];
  private counts: number[] = [];

  /** How often each of `words` occurs in `input.text` (its carried presence tells how it was made from the text before). */
  count(input: Pick<AnalyzeInput, 'text' | 'presence'>, words: readonly string[]): readonly number[] {
    const previous = this.text;
    if (previous === input.text && words === this.words) return this.counts;
    const change = previous !== undefined && words === this.words ? knownChange(input, previous) : undefined;
    if (change) {
      const { start, length } = change.span;
      const counts: number[] = []; // pushed, not mapped: packed whether this runs optimised or not (issue #13)
      for (let i = 0; i < words.length; i++) {
        counts.push(this.counts[i] - occurrencesAround(previous!, start, length, words[i]) + occurrencesAround(input.text, start, change.newLength, words[i]));
      }
      this.counts = counts;
    } else {
      workCounters.wholeTextSearches += words.length;
      const counts: number[] = [];
      for (const word of words) counts.push(occurrences(input.text, word));
      this.counts = counts;
    }
    this.text = input.text;
    this.words = words;
    return this.counts;
  }
}

/** How often `word` occurs in the text, overlapping occurrences included (so counts of parts of a text add up). */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) count++;
  return count;
}

/**
 * How often `word` occurs overlapping the `length` characters at `start` (touching both sides of the place when
 * `length` is 0): the occurrences an edit there can make or break. Counted in the window they can lie in, too short
 * to hold one that does not overlap them, in place (no string sliced per word and keystroke; issue #13).
 */
function occurrencesAround(text: string, start: number, length: number, word: string): number {
  const last = Math.min(text.length, start + length + word.length - 1) - word.length;
  let count = 0;
  for (let at = Math.max(0, start - word.length + 1); at <= last; at++) if (text.startsWith(word, at)) count++;
  return count;
}

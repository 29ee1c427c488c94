import { changeBetween } from './textChange';
import type { AnalyzeInput, TextChangeSince, TextFacts } from './types';
import { workCounters } from './workCounters';

/**
 * Whether one document's text contains some fixed strings (a NUL, a suppression directive, a migration TODO marker),
 * carried from one version to the next: a string absent before can only appear around the edit, so a keystroke looks
 * at a few characters instead of searching the whole text again (issue #13: five whole-text searches were a third of
 * a keystroke's analysis at 10,000 lines). Also keeps the one span that changed, computed once per version, for the
 * incremental parse.
 */
export class TextPresence implements TextFacts {
  private current: string | undefined;
  /** Per string asked for: whether the current text contains it. */
  private readonly present = new Map<string, boolean>();
  private since: TextChangeSince | undefined;

  /** The text the answers are for. */
  get text(): string | undefined {
    return this.current;
  }

  /** How the current text was made from the previous one (undefined for the first text). */
  get change(): TextChangeSince | undefined {
    return this.since;
  }

  /**
   * Moves to a new version of the document's text. `known`: how it was made from the previous version, when the
   * editor said (else the two texts are compared).
   */
  update(text: string, known?: TextChangeSince): void {
    const previous = this.current;
    if (previous === text) return;
    this.current = text;
    if (previous === undefined) {
      this.present.clear();
      this.since = undefined;
      return;
    }
    let range = known?.from === previous ? known.range : undefined;
    if (!range) {
      workCounters.textsCompared++;
      range = changeBetween(previous, text);
    }
    this.since = { from: previous, range };
    for (const [needle, was] of this.present) {
      // Present before: the edit may have removed it, which only a search of the whole text can tell (asked again lazily).
      if (was) this.present.delete(needle);
      else this.present.set(needle, occursAround(text, range.span.start, range.newLength, needle));
    }
  }

  /**
   * The current text's analysis is done: nothing asks how it was made any more, so the previous text is let go
   * rather than kept until the next version (issue #13: kept, a young collection moved it to the old generation).
   */
  forgetChange(): void {
    this.since = undefined;
  }

  /** Whether the current text contains `needle`. */
  includes(needle: string): boolean {
    let found = this.present.get(needle);
    if (found === undefined) {
      workCounters.wholeTextSearches++;
      found = this.current?.includes(needle) ?? false;
      this.present.set(needle, found);
    }
    return found;
  }
}

/**
 * Whether `needle` occurs in `text` overlapping the `length` characters written at `start`: an occurrence lying
 * wholly before or after them was there before the edit.
 */
function occursAround(text: string, start: number, length: number, needle: string): boolean {
  const from = Math.max(0, start - needle.length + 1);
  const to = Math.min(text.length, start + length + needle.length - 1);
  return to - from >= needle.length && text.slice(from, to).includes(needle);
}

/** `input.text.includes(needle)`, answered from the document's carried presence when it is for this very text. */
export function textIncludes(input: Pick<AnalyzeInput, 'text' | 'presence'>, needle: string): boolean {
  const presence = input.presence;
  if (presence && presence.text === input.text) return presence.includes(needle);
  workCounters.wholeTextSearches++;
  return input.text.includes(needle);
}

/** The change that made `input.text` from `previousText`, when the document's carried presence knows it. */
export function knownChange(input: Pick<AnalyzeInput, 'text' | 'presence'>, previousText: string): TextChangeSince['range'] | undefined {
  const presence = input.presence;
  const since = presence?.change;
  return presence && since && presence.text === input.text && since.from === previousText ? since.range : undefined;
}

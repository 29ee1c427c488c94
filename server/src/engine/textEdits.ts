import type { TextEdit } from './fixTypes';

/** Applies non-overlapping edits (any order) to `text`. Pure; shared by the CLI's `--fix` and the tests. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  assertDisjoint(sorted, text.length);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    result += text.slice(cursor, edit.range.start) + edit.newText;
    cursor = edit.range.end;
  }
  return result + text.slice(cursor);
}

/** Sorted by start; insertions at the same offset keep their given order. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.index - b.index)
    .map(({ edit }) => edit);
}

export function assertDisjoint(sorted: readonly TextEdit[], length: number): void {
  let previousEnd = 0;
  for (const edit of sorted) {
    const { start, end } = edit.range;
    if (start < previousEnd || end < start || end > length) {
      throw new Error(`overlapping or out-of-range edit at ${start}-${end}`);
    }
    previousEnd = end;
  }
}

/**
 * Folds `next` (offsets into the text that `previous` produced from `original`) into `previous`, giving one
 * list of disjoint edits against `original`. An edit that touches text an earlier edit wrote is merged with it,
 * so the result stays minimal and never overlaps.
 */
export function composeEdits(original: string, previous: readonly TextEdit[], next: readonly TextEdit[]): TextEdit[] {
  let composed = sortEdits(previous).filter((edit) => !isNoOp(original, edit));
  // From the end, so the offsets of the edits still to fold stay valid.
  for (const edit of sortEdits(next).reverse()) composed = foldOne(original, composed, edit);
  return composed;
}

interface Placed {
  edit: TextEdit;
  /** Where the edit's new text sits in the current text. */
  start: number;
  end: number;
}

/** Folds one edit (in current-text offsets) into `composed`, keeping the list's order (insertions at one offset included). */
function foldOne(original: string, composed: TextEdit[], edit: TextEdit): TextEdit[] {
  const placed: Placed[] = [];
  let delta = 0;
  for (const item of composed) {
    const start = item.range.start + delta;
    placed.push({ edit: item, start, end: start + item.newText.length });
    delta += item.newText.length - (item.range.end - item.range.start);
  }
  const toOriginal = (position: number): number => {
    let shift = 0;
    for (const p of placed) {
      if (p.end <= position) shift += p.edit.range.end - p.edit.range.start - p.edit.newText.length;
    }
    return position + shift;
  };
  // Earlier edits the new one touches (sharing a boundary counts: insertions must stay ordered). They are contiguous.
  const first = placed.findIndex((p) => edit.range.start <= p.end && p.start <= edit.range.end);
  if (first < 0) {
    const merged = { range: { start: toOriginal(edit.range.start), end: toOriginal(edit.range.end) }, newText: edit.newText };
    if (isNoOp(original, merged)) return composed;
    const before = placed.findIndex((p) => p.start > edit.range.end);
    const at = before < 0 ? composed.length : before;
    return [...composed.slice(0, at), merged, ...composed.slice(at)];
  }
  let last = first;
  while (last + 1 < placed.length && edit.range.start <= placed[last + 1].end && placed[last + 1].start <= edit.range.end) last++;
  const current = currentText(original, placed);
  const start = Math.min(edit.range.start, placed[first].start);
  const end = Math.max(edit.range.end, placed[last].end);
  const originalStart = Math.min(toOriginal(start), placed[first].edit.range.start);
  const originalEnd = end > placed[last].end ? toOriginal(end) : placed[last].edit.range.end;
  const newText = current.slice(start, edit.range.start) + edit.newText + current.slice(edit.range.end, end);
  const merged = { range: { start: originalStart, end: Math.max(originalEnd, placed[last].edit.range.end) }, newText };
  return [...composed.slice(0, first), ...(isNoOp(original, merged) ? [] : [merged]), ...composed.slice(last + 1)];
}

function currentText(original: string, placed: readonly Placed[]): string {
  return applyEdits(original, placed.map((p) => p.edit));
}

function isNoOp(original: string, edit: TextEdit): boolean {
  return original.slice(edit.range.start, edit.range.end) === edit.newText;
}

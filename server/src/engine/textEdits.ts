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
 * so the result stays minimal and never overlaps. Linear in the number of edits (a fix of a large file makes
 * thousands): `next` is folded from the end, so the offsets of the edits still to fold stay valid, and the edits
 * of `previous` after the one being folded are final.
 */
export function composeEdits(original: string, previous: readonly TextEdit[], next: readonly TextEdit[]): TextEdit[] {
  const placed = sortEdits(previous).filter((edit) => !isNoOp(original, edit));
  // shiftBefore[k]: how far the edits before placed[k] moved the text after them.
  const shiftBefore: number[] = [0];
  for (const edit of placed) shiftBefore.push(shiftBefore[shiftBefore.length - 1] + growth(edit));
  const startOf = (k: number): number => placed[k].range.start + shiftBefore[k];
  let left = placed.length; // placed[0, left) may still be touched
  const right: TextEdit[] = []; // final edits, nearest last
  for (const edit of sortEdits(next).reverse()) {
    while (left > 0 && startOf(left - 1) > edit.range.end) right.push(placed[--left]);
    // The earlier edits this one touches (sharing a boundary counts: insertions must stay ordered).
    let first = left;
    while (first > 0 && startOf(first - 1) + placed[first - 1].newText.length >= edit.range.start) first--;
    const group: Placed[] = [];
    for (let k = first; k < left; k++) group.push({ edit: placed[k], start: startOf(k), end: startOf(k) + placed[k].newText.length });
    let position = shiftBefore[left];
    for (let r = right.length - 1; r >= 0; r--) {
      const start = right[r].range.start + position;
      const end = start + right[r].newText.length;
      if (start > edit.range.end || end < edit.range.start) break;
      group.push({ edit: right[r], start, end });
      position += growth(right[r]);
    }
    right.length -= group.length - (left - first);
    left = first;
    // `0 - x`, not `-x`: -0 is no small integer (see backShift).
    const back = backShift(shiftBefore[left]);
    const merged = group.length === 0 ? moved(edit, back) : mergeTouching(original, edit, group, back);
    if (!isNoOp(original, merged)) right.push(merged);
  }
  return [...placed.slice(0, left), ...right.reverse()];
}

interface Placed {
  edit: TextEdit;
  /** Where the edit's new text sits in the current text. */
  start: number;
  end: number;
}

/**
 * The shift that undoes `shift`: `0 - shift`, never `-shift`, which is -0 for 0. -0 is not a small integer, so V8
 * boxes it, and every offset computed from it, as a double: one such offset stored in a `{ start, end }` range turns
 * the fields of all ranges into boxed doubles (they share one hidden class), and the offsets moved into the syntax
 * tree then do the same to its ~800,000 nodes per 3 MB, each converted on its next write (issue #13: most of the
 * first settling of a large file's tree in `scan --fix`).
 */
function backShift(shift: number): number {
  return 0 - shift;
}

function growth(edit: TextEdit): number {
  return edit.newText.length - (edit.range.end - edit.range.start);
}

function moved(edit: TextEdit, shift: number): TextEdit {
  return { range: { start: edit.range.start + shift, end: edit.range.end + shift }, newText: edit.newText };
}

/**
 * One edit against `original` for `edit` (current-text offsets) and the earlier edits it touches (`group`, in
 * order); `shift` maps current offsets before the group back to the original.
 */
function mergeTouching(original: string, edit: TextEdit, group: readonly Placed[], shift: number): TextEdit {
  const firstPlaced = group[0];
  const lastPlaced = group[group.length - 1];
  const toOriginal = (position: number): number => {
    let result = position + shift;
    for (const p of group) if (p.end <= position) result -= growth(p.edit);
    return result;
  };
  const start = Math.min(edit.range.start, firstPlaced.start);
  const end = Math.max(edit.range.end, lastPlaced.end);
  // The current text of [start, end): the group's new texts and the unchanged text around them.
  const parts: string[] = [];
  let cursor = start;
  for (const p of group) {
    if (cursor < p.start) parts.push(original.slice(p.edit.range.start - (p.start - cursor), p.edit.range.start));
    parts.push(p.edit.newText);
    cursor = p.end;
  }
  if (cursor < end) parts.push(original.slice(lastPlaced.edit.range.end, lastPlaced.edit.range.end + (end - cursor)));
  const current = parts.join('');
  const originalStart = Math.min(toOriginal(start), firstPlaced.edit.range.start);
  const originalEnd = end > lastPlaced.end ? toOriginal(end) : lastPlaced.edit.range.end;
  const newText = current.slice(0, edit.range.start - start) + edit.newText + current.slice(edit.range.end - start);
  return { range: { start: originalStart, end: Math.max(originalEnd, lastPlaced.edit.range.end) }, newText };
}

function isNoOp(original: string, edit: TextEdit): boolean {
  return original.slice(edit.range.start, edit.range.end) === edit.newText;
}

import type { TextEdit } from './types';

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
  for (const edit of sortEdits(next).reverse()) composed = foldOne(original, composed, edit);
  return composed;
}

interface Placed {
  edit: TextEdit;
  /** Where the edit's new text sits in the current text. */
  start: number;
  end: number;
}

function foldOne(original: string, composed: TextEdit[], edit: TextEdit): TextEdit[] {
  const placed: Placed[] = [];
  let delta = 0;
  for (const item of composed) {
    const start = item.range.start + delta;
    placed.push({ edit: item, start, end: start + item.newText.length });
    delta += item.newText.length - (item.range.end - item.range.start);
  }
  // Earlier edits the new one touches (sharing a boundary counts: insertions must stay ordered).
  const touched = placed.filter((p) => edit.range.start <= p.end && p.start <= edit.range.end);
  const untouched = placed.filter((p) => !touched.includes(p)).map((p) => p.edit);
  const toOriginal = (position: number): number => {
    let shift = 0;
    for (const p of placed) {
      if (p.end <= position) shift += p.edit.range.end - p.edit.range.start - p.edit.newText.length;
    }
    return position + shift;
  };
  if (touched.length === 0) {
    const merged = { range: { start: toOriginal(edit.range.start), end: toOriginal(edit.range.end) }, newText: edit.newText };
    return isNoOp(original, merged) ? untouched : sortEdits([...untouched, merged]);
  }
  const current = currentText(original, placed);
  const start = Math.min(edit.range.start, touched[0].start);
  const end = Math.max(edit.range.end, touched[touched.length - 1].end);
  const originalStart = Math.min(toOriginal(start), touched[0].edit.range.start);
  const lastTouched = touched[touched.length - 1].edit;
  const originalEnd = end > touched[touched.length - 1].end ? toOriginal(end) : lastTouched.range.end;
  const newText = current.slice(start, edit.range.start) + edit.newText + current.slice(edit.range.end, end);
  const merged = { range: { start: originalStart, end: Math.max(originalEnd, lastTouched.range.end) }, newText };
  return isNoOp(original, merged) ? untouched : sortEdits([...untouched, merged]);
}

function currentText(original: string, placed: readonly Placed[]): string {
  return applyEdits(original, placed.map((p) => p.edit));
}

function isNoOp(original: string, edit: TextEdit): boolean {
  return original.slice(edit.range.start, edit.range.end) === edit.newText;
}

import type { Finding } from '../types';
import { workCounters } from '../workCounters';

/**
 * Whether two findings write the same JSON apart from their ranges (see shapeOf): the same fields, in the same order,
 * with the same values (FindingData holds flat values and string arrays).
 */
export function sameApartFromRange(a: Finding, b: Finding): boolean {
  if (a === b) return true;
  return sameFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, 'range', true);
}

/**
 * Own enumerable fields (but `skip`) in the same order with the same values: primitives, arrays of primitives, and (when
 * `nested`) objects of those. Keys are listed into one scratch array, not an array per finding.
 */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: string | undefined, nested: boolean): boolean {
  const start = scratchKeys.length;
  try {
    for (const key in a) if (key !== skip && hasOwn.call(a, key)) scratchKeys.push(key);
    let i = start;
    for (const key in b) {
      if (key === skip || !hasOwn.call(b, key)) continue;
      if (i >= scratchKeys.length || scratchKeys[i] !== key) return false;
      if (!sameValue(a[key], b[key], nested)) return false;
      i++;
    }
    return i === scratchKeys.length;
  } finally {
    scratchKeys.length = start;
  }
}

const scratchKeys: string[] = [];

/** hasOwnProperty called on the object for-in enumerates: V8 optimises this form (Object.hasOwn it does not, and it cost most of the comparison). */
const hasOwn = Object.prototype.hasOwnProperty;

function sameValue(a: unknown, b: unknown, nested: boolean): boolean {
  if (a === b) return true; // (an undefined field in both: JSON leaves it out of both)
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || typeof a[i] === 'object') return false;
    return true;
  }
  return nested && !Array.isArray(b) && sameFields(a as Record<string, unknown>, b as Record<string, unknown>, undefined, false);
}

/** The shape of a finding (refinementReuse.ts Place) relative to an anchor at `anchorPos`. */
export function shapeOf(finding: Finding, anchorPos: number): string {
  workCounters.findingShapes++;
  const { range, ...rest } = finding;
  return JSON.stringify([range.start - anchorPos, range.end - anchorPos, rest]);
}

/** A shape (see shapeOf) with other offsets: its text after the two offsets is the finding's. */
export function withOffsets(shape: string, start: number, end: number): string {
  const second = shape.indexOf(',', shape.indexOf(',') + 1);
  return `[${start},${end}${shape.slice(second)}`;
}

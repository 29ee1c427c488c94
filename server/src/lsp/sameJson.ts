/**
 * Whether two JSON-shaped values serialise to the same JSON: keys in any order, and a property whose value is
 * undefined is no property (JSON.stringify drops it, so the client never sees it). Compares without serialising:
 * it runs on every diagnostic pull (issue #13), where JSON.stringify of a 170-diagnostic report costs milliseconds.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameArrays(a, b);
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}

function sameArrays(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false; // JSON writes undefined items as null
  return true;
}

function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let defined = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    defined++;
    if (!sameJson(value, b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) defined--;
  return defined === 0;
}

/**
 * `items.map(f)`, with one hidden class whether the caller runs interpreted or optimised: V8's optimising compiler
 * inlines Array.prototype.map and makes its result a holey array, the builtin a packed one, so code reading arrays
 * mapped by both met two hidden classes and threw its optimised code away ("deopt-eager, wrong map"; issue #13: the
 * typing path's diagnostics, candidate groups and refinement places, recompiled inside measured keystrokes).
 */
export function mapPacked<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const mapped: U[] = [];
  for (let i = 0; i < items.length; i++) mapped.push(f(items[i], i));
  return mapped;
}

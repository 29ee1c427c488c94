/**
 * The kinds of object values are cached on. Every object of a kind that holds a value gets the slots of all the caches
 * of that kind at once, in the order the caches were made (objectCache.ts).
 */
export type CachedOn = 'statement' | 'sourceFile' | 'finding' | 'findingData' | 'fixContext';

/**
 * The symbol each kind of object keeps its cached values under (one property: an array with a place for every cache of
 * the kind, in the order the caches were made), and how many caches each kind has.
 */
const kindSymbols = new Map<CachedOn, symbol>();
const cacheCounts = new Map<CachedOn, number>();

function symbolOf(kind: CachedOn): symbol {
  let symbol = kindSymbols.get(kind);
  if (!symbol) kindSymbols.set(kind, (symbol = Symbol(`cached on ${kind}`)));
  return symbol;
}

/**
 * Gives an object its place for the values cached on its kind now, before any cache sets a value on it: for objects
 * that one path sets values on at once and another only later (a statement the editor reparsed, against the statements
 * of a document just opened), so that both paths read them with one hidden class.
 */
export function giveSlots(object: object, kind: CachedOn): void {
  valuesOf(object, symbolOf(kind), cacheCounts.get(kind) ?? 0);
}

/** The object's array of cached values, made (every place undefined, the array packed) on first use. */
function valuesOf(object: object, symbol: symbol, count: number): unknown[] {
  const holder = object as Record<symbol, unknown[] | undefined>;
  let values = holder[symbol];
  if (values === undefined) {
    values = [];
    for (let i = 0; i < count; i++) values.push(undefined);
    Object.defineProperty(object, symbol, { value: values, writable: false, configurable: true, enumerable: false });
  }
  return values;
}

/**
 * A value cached per object, kept on the object itself (under a non-enumerable symbol property, so spreads, JSON and
 * deep equality never see it) instead of in a WeakMap. V8's young-generation collector keeps every WeakMap entry
 * whose key is young, with its value and all they reach, and promotes them: only a full collection drops them.
 * While typing, the keys are made per keystroke (the reparsed statement, the new tree, moved findings) and reach
 * that version's whole tree, so each young collection copied and promoted megabytes of dead versions (issue #13:
 * those collections were the p99 keystrokes). Kept on its object, a value dies young with it.
 *
 * Each property changes the object's hidden class (V8's map). Added one by one, as each cache first set its value,
 * the same kind of object took a different map for each order the caches happened to be used in (a statement moved
 * before it was refined, or refined before it moved), and the typing path's optimised code, which had seen only some
 * of those orders, was thrown away whenever it met another one: at every document opened (issue #13). So every cache
 * of a kind keeps its values in one array under one symbol of the kind, a place per cache: an object of a kind has
 * one of two maps, without the array or with it. One property, not one per cache: defining a property is slow, and
 * a statement made per keystroke defined ten (objects per keystroke: the reparsed statement and its run, moved
 * findings). The cache must be made once (at module load), not per use: each takes a place in every array.
 */
export class ObjectCache<K extends object, V> {
  private readonly symbol: symbol;
  private readonly index: number;
  private readonly kind: CachedOn;

  constructor(_description: string, kind: CachedOn) {
    this.kind = kind;
    this.symbol = symbolOf(kind);
    this.index = cacheCounts.get(kind) ?? 0;
    cacheCounts.set(kind, this.index + 1);
  }

  get(key: K): V | undefined {
    const values = (key as unknown as Record<symbol, unknown[] | undefined>)[this.symbol];
    return values === undefined ? undefined : values[this.index] as V | undefined;
  }

  set(key: K, value: V): void {
    const values = valuesOf(key, this.symbol, cacheCounts.get(this.kind)!);
    // An array made before a cache made later (none is, at module load) grows to take it: still packed.
    while (values.length <= this.index) values.push(undefined);
    values[this.index] = value;
  }

  /** Forgets the value. */
  delete(key: K): void {
    const values = (key as unknown as Record<symbol, unknown[] | undefined>)[this.symbol];
    if (values !== undefined && this.index < values.length) values[this.index] = undefined;
  }
}

/**
 * The kinds of object values are cached on. Every object of a kind that holds a value gets the slots of all the caches
 * of that kind at once, in the order the caches were made (objectCache.ts).
 */
export type CachedOn = 'statement' | 'sourceFile' | 'finding' | 'findingData' | 'fixContext';

/** The slots of each kind, in the order their caches were made (at module load). */
const slotsOf = new Map<CachedOn, symbol[]>();

/**
 * Gives an object the slots of its kind now, before any cache sets a value on it: for objects that one path sets
 * values on at once and another only later (a statement the editor reparsed, against the statements of a document
 * just opened), so that both paths read them with one hidden class.
 */
export function giveSlots(object: object, kind: CachedOn): void {
  const slots = slotsOf.get(kind);
  if (slots) defineSlots(object, slots);
}

/** One descriptor for every slot: a literal in the loop was an object allocated per slot per object (issue #13: per keystroke, for each reparsed statement). */
const EMPTY_SLOT: PropertyDescriptor = Object.freeze({ value: undefined, writable: true, configurable: true, enumerable: false });

function defineSlots(object: object, slots: readonly symbol[]): void {
  for (const slot of slots) {
    if (!Object.prototype.hasOwnProperty.call(object, slot)) Object.defineProperty(object, slot, EMPTY_SLOT);
  }
}

/**
 * A value cached per object, kept on the object itself (a non-enumerable symbol property, so spreads, JSON and
 * deep equality never see it) instead of in a WeakMap. V8's young-generation collector keeps every WeakMap entry
 * whose key is young, with its value and all they reach, and promotes them: only a full collection drops them.
 * While typing, the keys are made per keystroke (the reparsed statement, the new tree, moved findings) and reach
 * that version's whole tree, so each young collection copied and promoted megabytes of dead versions (issue #13:
 * those collections were the p99 keystrokes). Kept on its object, a value dies young with it.
 *
 * Each property changes the object's hidden class (V8's map). Added one by one, as each cache first set its value,
 * the same kind of object took a different map for each order the caches happened to be used in (a statement moved
 * before it was refined, or refined before it moved), and the typing path's optimised code, which had seen only some
 * of those orders, was thrown away whenever it met another one: at every document opened (issue #13). So the first
 * value set on an object gives it the slots of every cache of its kind, in one order: an object of a kind has one of
 * two maps, without slots or with all of them. The cache must be made once (at module load), not per use: each cache
 * is a new symbol, and each symbol a new map.
 */
export class ObjectCache<K extends object, V> {
  private readonly slot: symbol;
  private readonly kindSlots: symbol[];

  constructor(description: string, kind: CachedOn) {
    this.slot = Symbol(description);
    let slots = slotsOf.get(kind);
    if (!slots) slotsOf.set(kind, (slots = []));
    slots.push(this.slot);
    this.kindSlots = slots;
  }

  get(key: K): V | undefined {
    return (key as unknown as Record<symbol, V | undefined>)[this.slot];
  }

  set(key: K, value: V): void {
    const holder = key as unknown as Record<symbol, V | undefined>;
    if (!Object.prototype.hasOwnProperty.call(holder, this.slot)) defineSlots(holder, this.kindSlots);
    holder[this.slot] = value;
  }

  /** Forgets the value (the property stays, undefined: deleting a property would slow every later access to the object). */
  delete(key: K): void {
    if (this.get(key) !== undefined) this.set(key, undefined as V);
  }
}

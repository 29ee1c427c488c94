/**
 * A value cached per object, kept on the object itself (a non-enumerable symbol property, so spreads, JSON and
 * deep equality never see it) instead of in a WeakMap. V8's young-generation collector keeps every WeakMap entry
 * whose key is young, with its value and all they reach, and promotes them: only a full collection drops them.
 * While typing, the keys are made per keystroke (the reparsed statement, the new tree, moved findings) and reach
 * that version's whole tree, so each young collection copied and promoted megabytes of dead versions (issue #13:
 * those collections were the p99 keystrokes). Kept on its object, a value dies young with it.
 */
export class ObjectCache<K extends object, V> {
  private readonly slot: symbol;

  constructor(description: string) {
    this.slot = Symbol(description);
  }

  get(key: K): V | undefined {
    return (key as unknown as Record<symbol, V | undefined>)[this.slot];
  }

  set(key: K, value: V): void {
    const holder = key as unknown as Record<symbol, V | undefined>;
    if (Object.prototype.hasOwnProperty.call(holder, this.slot)) holder[this.slot] = value;
    else Object.defineProperty(holder, this.slot, { value, writable: true, configurable: true, enumerable: false });
  }

  /** Forgets the value (the property stays, undefined: deleting a property would slow every later access to the object). */
  delete(key: K): void {
    if (this.get(key) !== undefined) this.set(key, undefined as V);
  }
}

// Oracle for the refinement's name index (statementNaming.ts): after random additions, removals and one-for-one
// replacements (as typing in a function makes them), every name lists exactly the statements that mention it, in
// document order, as an index made afresh from the current statements would.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type ts from '../../server/src/engine/typescript';
import { StatementNaming } from '../../server/src/engine/fixes/statementNaming';

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'require'];
const IMPORTS = ' imports';

/** A stand-in statement: only `pos` is read (for the order). */
const statementAt = (pos: number) => ({ pos }) as unknown as ts.Statement;

function randomNames(random: () => number): Map<string, true> {
  const names = new Map<string, true>();
  for (const name of NAMES) if (random() < 0.4) names.set(name, true);
  return names;
}

/** A small deterministic generator (mulberry32), so that a failure repeats. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const extraOf = (names: ReadonlyMap<string, unknown>) => (names.has('require') ? IMPORTS : undefined);

describe('the refinement name index', () => {
  test('lists exactly the statements that mention each name, after any additions, removals and hand-overs', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = generator(seed);
      const naming = new StatementNaming();
      const current = new Map<ts.Statement, Map<string, true>>();
      let pos = 0;
      for (let step = 0; step < 40; step++) {
        const statements = [...current.keys()];
        const roll = random();
        if (roll < 0.3 || statements.length === 0) {
          const statement = statementAt(pos++);
          const names = randomNames(random);
          current.set(statement, names);
          naming.add(statement, names, extraOf(names));
        } else if (roll < 0.45) {
          const statement = statements[Math.floor(random() * statements.length)];
          const names = current.get(statement)!;
          current.delete(statement);
          naming.remove(statement, names, extraOf(names));
        } else {
          // A statement replaced by one made from it: most names kept, a few gone, a few new.
          const before = statements[Math.floor(random() * statements.length)];
          const beforeNames = current.get(before)!;
          const now = statementAt(before.pos);
          const nowNames = new Map<string, true>();
          for (const name of NAMES) if (beforeNames.has(name) ? random() < 0.8 : random() < 0.2) nowNames.set(name, true);
          current.delete(before);
          current.set(now, nowNames);
          naming.replace(before, beforeNames, extraOf(beforeNames), now, nowNames, extraOf(nowNames));
        }
        for (const name of [...NAMES, IMPORTS]) {
          const expected = [...current].filter(([, names]) => (name === IMPORTS ? extraOf(names) !== undefined : names.has(name)))
            .map(([statement]) => statement).sort((a, b) => a.pos - b.pos);
          assert.deepStrictEqual(naming.statementsUnder(name), expected, `seed ${seed}, step ${step}, name '${name}'`);
        }
      }
    }
  });
});

// Whether an edit changed the findings of one rule (refinementReuse.ts ruleChanged: a check that read only some rules'
// findings keeps its verdict while the others change). Oracle test: seeded random lists of places before and after,
// against a plain reference (the places of the rule, in order, compared pair by pair; any finding without a place
// changes every rule).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type ts from 'typescript';
import { type Place, ruleChanged } from '../../server/src/engine/fixes/refinementReuse';
import { seededRandom } from '../helpers/seededRandom';

const RULES = ['a', 'b', 'c'];
const ANCHORS = [{}, {}, {}] as ts.Statement[];
const SHAPES = ['s1', 's2'];

function expected(rule: string, before: ReadonlyArray<Place | undefined>, after: ReadonlyArray<Place | undefined>): boolean {
  if (before.includes(undefined) || after.includes(undefined)) return true;
  const a = before.filter((place) => place!.rule === rule);
  const b = after.filter((place) => place!.rule === rule);
  return a.length !== b.length || a.some((place, i) => place!.anchor !== b[i]!.anchor || place!.shape !== b[i]!.shape);
}

describe('ruleChanged', () => {
  test('seeded random places: changed exactly when the rule\'s places differ in order, or a finding has no place', () => {
    const random = seededRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const placeOf = (): Place | undefined => (random() < 0.03 ? undefined : { rule: pick(RULES), anchor: pick(ANCHORS), shape: pick(SHAPES) });
    let changed = 0;
    for (let round = 0; round < 5000; round++) {
      const before = Array.from({ length: Math.floor(random() * 7) }, placeOf);
      // Mostly a small change of the list before: a place changed, added or removed.
      const after = [...before];
      const at = Math.floor(random() * (after.length + 1));
      const change = random();
      if (change < 0.25) after.splice(at, 1);
      else if (change < 0.5) after.splice(at, 0, placeOf());
      else if (change < 0.75 && at < after.length) after[at] = placeOf();
      for (const rule of RULES) {
        const want = expected(rule, before, after);
        if (want) changed++;
        assert.equal(ruleChanged(rule, before, after), want, JSON.stringify({ rule, before, after }, (key, value) => (key === 'anchor' ? ANCHORS.indexOf(value) : value)));
      }
    }
    assert.ok(changed > 1000 && changed < 14_000, `${changed} changed`);
  });
});

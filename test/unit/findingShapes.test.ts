// A finding made anew takes the shape of the finding at its index before when the two are alike apart from their
// ranges (refinementReuse.ts placeOf): the shape made that way must be the one shapeOf writes for it. Oracle test:
// the findings of the fix fixtures, each against variants that change one field, a data value, a data key's order, an
// array element or an undefined field, and against copies of themselves (moved, or with copied data); `sameApartFromRange`
// must say alike only when their JSON apart from the range is the same (then the shape made from the other's equals
// shapeOf's), and say so of every copy (else nothing would be reused).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { sameApartFromRange, shapeOf, withOffsets } from '../../server/src/engine/fixes/findingShapes';
import type { Finding, FindingData } from '../../server/src/engine/types';
import { findingWith } from '../../server/src/engine/finding';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { fixFixtureSources } from '../helpers/fixFixtureSources';

/** The finding's JSON apart from its range (what its shape holds beside the offsets). */
function jsonApartFromRange(finding: Finding): string {
  const { range: _, ...rest } = finding;
  return JSON.stringify(rest);
}

/** Variants of a finding, and whether each is a copy of it apart from its range (the analysis makes such ones anew). */
function variants(finding: Finding): Array<{ other: Finding; copy: boolean }> {
  const data = finding.data;
  const keys = Object.keys(data);
  const reordered: FindingData = {};
  for (const key of [...keys].reverse()) reordered[key] = data[key];
  const list = Object.values(data).find(Array.isArray);
  const copies = [
    findingWith(finding, { range: { start: finding.range.start + 7, end: finding.range.end + 9 } }),
    findingWith(finding, { data: { ...data } }),
    { ...finding, range: { ...finding.range } },
    ...(list ? [findingWith(finding, { data: { ...data, list: [...list] } })] : []),
  ];
  const others = [
    findingWith(finding, { message: `${finding.message} ` }),
    findingWith(finding, { fixable: !finding.fixable }),
    findingWith(finding, { severity: finding.severity === 'error' ? 'warning' : 'error' }),
    findingWith(finding, { equivalent: `${finding.equivalent}x` }),
    findingWith(finding, { data: reordered }),
    findingWith(finding, { data: { ...data, [keys[keys.length - 1]]: `${String(data[keys[keys.length - 1]])}x` } }),
    findingWith(finding, { data: { ...data, extra: undefined } }),
    findingWith(finding, { data: { ...data, extra: 'x' } }),
    findingWith(finding, { data: { ...data, list: list ? [...list, 'x'] : ['x'] } }),
    { ...finding, extra: 1 } as Finding,
  ];
  return [...copies.map((other) => ({ other, copy: true })), ...others.map((other) => ({ other, copy: false }))];
}

describe('finding shapes made from the finding before', () => {
  test('alike exactly when the JSON apart from the range is the same; the shape made from the other is shapeOf\'s', () => {
    const settings = fromRaw({}).engine;
    let alike = 0;
    let different = 0;
    for (const source of fixFixtureSources(40)) {
      for (const finding of analyze({ text: source.text, languageId: source.languageId, settings, fileName: source.name }).findings) {
        const anchorPos = Math.max(0, finding.range.start - 5);
        const shape = shapeOf(finding, anchorPos);
        for (const { other, copy } of variants(finding)) {
          const same = jsonApartFromRange(finding) === jsonApartFromRange(other);
          const told = sameApartFromRange(finding, other);
          const what = `${source.name}: ${JSON.stringify(finding)} against ${JSON.stringify(other)}`;
          assert.ok(same || !told, `alike, yet another JSON: ${what}`);
          if (copy) assert.ok(told, `a copy not alike: ${what}`);
          if (!told) {
            different++;
            continue;
          }
          alike++;
          const otherAnchor = Math.max(0, other.range.start - 3);
          assert.equal(withOffsets(shape, other.range.start - otherAnchor, other.range.end - otherAnchor), shapeOf(other, otherAnchor));
        }
      }
    }
    assert.ok(alike > 100 && different > 100, JSON.stringify({ alike, different }));
  });
});

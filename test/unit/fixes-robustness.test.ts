import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll, fixesForFinding } from '../../server/src/engine/fixes';
import { loadCases } from './fixes-cases';

// Code actions run on every keystroke's document, half-typed code included: the fixes must never throw, and
// whatever they propose must be well-formed edits.

function checkWellFormed(text: string, edits: ReadonlyArray<{ range: { start: number; end: number } }>, label: string): void {
  let previousEnd = 0;
  for (const edit of edits) {
    assert.ok(edit.range.start >= previousEnd && edit.range.end <= text.length && edit.range.start <= edit.range.end, `${label}: bad edit ${JSON.stringify(edit.range)}`);
    previousEnd = edit.range.end;
  }
}

describe('fixes on half-typed code', () => {
  for (const fixture of loadCases()) {
    it(`${fixture.name}: truncated and punched documents`, () => {
      const text = fixture.input;
      const variants: Array<[string, string]> = [];
      for (let step = 1; step < 10; step++) {
        const cut = Math.floor((text.length * step) / 10);
        variants.push([`cut at ${cut}`, text.slice(0, cut)]);
        variants.push([`hole at ${cut}`, text.slice(0, cut) + text.slice(Math.min(text.length, cut + 7))]);
      }
      for (const [label, variant] of variants) {
        const input = { ...fixture.fixInput, text: variant };
        const { findings } = analyze(input);
        const all = fixAll(input, findings);
        if (all) {
          checkWellFormed(variant, all.edits, label);
          applyEdits(variant, all.edits);
        }
        // One finding per rule: a quick fix for a call, its client or its import is the same file migration.
        const onePerRule = findings.filter((finding, index) => findings.findIndex((other) => other.ruleId === finding.ruleId) === index);
        for (const finding of onePerRule) {
          for (const proposal of fixesForFinding(input, finding)) checkWellFormed(variant, proposal.edits, `${label} ${finding.ruleId}`);
        }
      }
    });
  }
});

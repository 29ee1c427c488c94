import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll, fixesForFinding } from '../../server/src/engine/fixes';
import { hasSyntaxErrors } from '../../server/src/engine/fixes/support/syntax';
import type { ScriptLanguage } from '../../server/src/engine/types';
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

describe('fixes on code that parses but differs from the fixtures', () => {
  for (const fixture of loadCases()) {
    it(`${fixture.name}: lines removed one at a time; a fix never breaks the syntax`, () => {
      const lines = fixture.input.split('\n');
      const language = fixture.fixInput.languageId as ScriptLanguage;
      const stride = Math.max(1, Math.ceil(lines.length / 8));
      for (let removed = 0; removed < lines.length; removed += stride) {
        const variant = [...lines.slice(0, removed), ...lines.slice(removed + 1)].join('\n');
        if (hasSyntaxErrors(variant, language)) continue;
        const input = { ...fixture.fixInput, text: variant };
        const all = fixAll(input, analyze(input).findings);
        if (!all) continue;
        checkWellFormed(variant, all.edits, `without line ${removed + 1}`);
        assert.equal(hasSyntaxErrors(applyEdits(variant, all.edits), language), false, `without line ${removed + 1}: the fix broke the syntax`);
      }
    });
  }
});

describe('fixes on half-typed code', () => {
  for (const fixture of loadCases()) {
    it(`${fixture.name}: truncated and punched documents`, () => {
      const text = fixture.input;
      const variants: Array<[string, string]> = [];
      for (let step = 1; step < 7; step++) {
        const cut = Math.floor((text.length * step) / 7);
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

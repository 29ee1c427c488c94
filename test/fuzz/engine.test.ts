// Random and mutated TypeScript/JavaScript/Markdown through the engine: analyze and fix-all (documentFixAll)
// never throw, propose disjoint in-range edits, are idempotent, and never turn a parsing file into a broken one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import { isScriptLanguage } from '../../server/src/engine/languages';
import { documentFixAll } from '../../server/src/engine/documentFixes';
import { applyEdits, refineFixability } from '../../server/src/engine/fixes';
import { assertDisjoint, sortEdits } from '../../server/src/engine/textEdits';
import { hasSyntaxErrors } from '../../server/src/engine/fixes/support/syntax';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { ScriptLanguage } from '../../server/src/engine/types';
import { documentArbitrary, FUZZ_SEED, loadSeeds, type Seed } from './corpus';

const SETTINGS = normalizeSettings({ endpoints: { 'meta.*': { endpointName: 'llama-endpoint' } } });

function checkDocument(document: Seed): void {
  const input = { text: document.text, languageId: document.languageId, settings: SETTINGS, fileName: document.fileName, workspaceRelativePath: document.fileName };
  const analysis = analyze(input);
  for (const finding of analysis.findings) {
    assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= input.text.length, `finding out of range: ${JSON.stringify(finding.range)}`);
  }
  if (analysis.skipped) return;
  const findings = refineFixability(input, analysis.findings);
  const proposal = documentFixAll(input, findings);
  if (!proposal || proposal.edits.length === 0) return;
  assertDisjoint(sortEdits(proposal.edits), input.text.length);
  const fixed = applyEdits(input.text, proposal.edits);
  if (isScriptLanguage(input.languageId)) {
    const language = input.languageId as ScriptLanguage;
    if (!hasSyntaxErrors(input.text, language, input.fileName)) {
      assert.equal(hasSyntaxErrors(fixed, language, input.fileName), false, 'the fix broke the syntax');
    }
  }
  const again = { ...input, text: fixed };
  const second = documentFixAll(again, refineFixability(again, analyze(again).findings));
  assert.ok(!second || second.edits.length === 0, `fix-all is not idempotent: ${JSON.stringify(second?.edits.slice(0, 3))}`);
}

describe('fuzz: engine', { timeout: 60_000 }, () => {
  const seeds = loadSeeds();

  test('every seed document passes the properties as it is', async () => {
    await initPythonParser();
    for (const seed of seeds) {
      try {
        checkDocument(seed);
      } catch (error) {
        throw new Error(`${seed.name}: ${(error as Error).message}`);
      }
    }
  });

  test('analyze and fix-all on random and mutated documents: no throw, disjoint in-range edits, idempotent, syntax never made worse', async () => {
    await initPythonParser();
    fc.assert(fc.property(documentArbitrary(seeds), (document) => checkDocument(document)), { seed: FUZZ_SEED, numRuns: 1000, endOnFailure: true });
  });
});

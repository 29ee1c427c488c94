// Regression guard (issue #13): fixing a file re-analyses it once per rewrite pass that changed it, not once per
// finding, and the passes do not grow with the findings. Counted (engine/workCounters.ts), not timed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll } from '../../server/src/engine/fixes';
import { runTransforms } from '../../server/src/engine/fixes/pipeline';
import { TRANSFORMS } from '../../server/src/engine/fixes/registry';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { generateMigratableFile } from '../helpers/migratableFile';

function workOfFixing(lines: number) {
  const text = generateMigratableFile(lines);
  const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: `/w/src/service${lines}.ts`, workspaceRelativePath: `src/service${lines}.ts` };
  const findings = analyze(input).findings;
  const before = snapshotWorkCounters();
  const proposal = fixAll(input, findings);
  const work = workSince(before);
  assert.ok(proposal && proposal.edits.length > 0, 'the file is migrated');
  const left = analyze({ ...input, text: applyEdits(text, proposal.edits) }).findings;
  return { work, findings: findings.length, edits: proposal.edits.length, leftFixable: left.filter((finding) => finding.fixable).length };
}

describe('work per fix', () => {
  test('analyses and rewrite passes do not grow with the number of findings', () => {
    const small = workOfFixing(300);
    const large = workOfFixing(5_000);
    assert.ok(large.findings > 10 * small.findings && large.edits > 10 * small.edits, JSON.stringify({ small, large }));
    assert.equal(large.work.fixAnalyses, small.work.fixAnalyses);
    assert.equal(large.work.rewritePasses, small.work.rewritePasses);
    assert.ok(large.work.fixAnalyses <= TRANSFORMS.length, `${large.work.fixAnalyses} analyses for ${TRANSFORMS.length} transforms`);
    // One analysis per text: the passes that changed the text, plus the first.
    assert.ok(large.work.fixAnalyses < large.work.rewritePasses, JSON.stringify(large.work));
    assert.equal(large.leftFixable, 0, 'nothing fixable is left');
  });

  test('without a tree from the caller, the assessment and the first rewrite pass share one analysis of the text', () => {
    const text = generateMigratableFile(300);
    const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: '/w/src/shared.ts', workspaceRelativePath: 'src/shared.ts' };
    const findings = analyze(input).findings;
    const passesOnly = snapshotWorkCounters();
    runTransforms(input, TRANSFORMS);
    const analysesOfThePasses = workSince(passesOnly).fixAnalyses;
    const before = snapshotWorkCounters();
    assert.ok(fixAll(input, findings), 'the file is migrated');
    assert.equal(workSince(before).fixAnalyses, analysesOfThePasses);
  });

  test('a rewrite pass that reads no findings (syncImports) makes no whole-text analysis of its text', () => {
    const text = generateMigratableFile(300);
    const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: '/w/src/imports.ts', workspaceRelativePath: 'src/imports.ts' };
    const converse = TRANSFORMS.filter((transform) => transform.name === 'rewrite-converse');
    const converseThenImports = TRANSFORMS.filter((transform) => transform.name === 'rewrite-converse' || transform.name === 'sync-imports');
    const before = snapshotWorkCounters();
    runTransforms(input, converse);
    const analysesOfConverse = workSince(before).fixAnalyses;
    const withImports = snapshotWorkCounters();
    const { edits, text: fixed } = runTransforms(input, converseThenImports);
    const work = workSince(withImports);
    assert.ok(edits.length > 0 && fixed.includes('converseOnSageMaker') && !fixed.includes('ConverseCommand'), 'the calls are rewritten and their imports synced');
    assert.equal(work.rewritePasses, 2);
    assert.equal(work.fixAnalyses, analysesOfConverse, JSON.stringify(work));
  });
});

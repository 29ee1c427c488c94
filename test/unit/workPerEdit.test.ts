// Regression guard (issue #13): the work one keystroke costs the editor does not grow with the file. The same
// typing, in plain code next to the Bedrock calls and inside a function that calls Bedrock, is counted (detectors
// re-run, findings refined, checks and rewrite passes, statement-level and whole-file reparses, statements whose
// declarations the symbol tracker recorded, whole-text searches: counters, not wall time) on a 300-line and a
// 10,000-line file. So are the positions of nodes moved after each edit: those under a statement move only when
// something looks into it (shiftNodes.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { refineFixability } from '../../server/src/engine/fixes';
import { type WorkCounts, snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { generateMigratableFile } from '../helpers/migratableFile';

const TYPED = 'ab; ';

/** Just inside the body of a plain function half-way down. */
const inPlainCode = (text: string) => text.indexOf('if (ticket.title', Math.floor(text.length / 2));

/** Just inside the body of a function that calls Bedrock (Converse), half-way down or, in a small file, the last before. */
function inBedrockFunction(text: string): number {
  const middle = Math.floor(text.length / 2);
  const chat = text.indexOf('export async function chat', middle);
  return text.indexOf('const response', chat >= 0 ? chat : text.lastIndexOf('export async function chat', middle));
}

/** Inside the name `ticket` of a plain function half-way down: every keystroke there leaves the file parsing. */
const inName = (text: string) => text.indexOf('ticket.title', Math.floor(text.length / 2)) + 1;

/**
 * Without the counters of the positions moved (apart from the others where TypeScript's incremental parse runs, see
 * below) and of the statements visited to collect findings (as many as report findings: more in a larger file).
 */
const withoutMoves = ({ nodesMoved: _, statementsMoved: __, statementsCollected: ___, waitingFindingsMade: ____, ...rest }: WorkCounts) => rest;

/**
 * The findings made waiting for the syntax (fixes/index.ts waitingForSyntax) are left out of withoutMoves: the first
 * version that does not parse makes each fixable finding of the file wait, once. After that only the findings an
 * edit made anew are: at most as many more in the large file as there are fixable findings in it.
 */
function assertWaitingMadeOnce(large: { work: WorkCounts; fixable: number }, small: { work: WorkCounts }): void {
  assert.ok(large.work.waitingFindingsMade <= large.fixable + small.work.waitingFindingsMade, JSON.stringify({ large: large.work.waitingFindingsMade, fixable: large.fixable, small: small.work.waitingFindingsMade }));
}

/** Types `typed` one character at a time at `place`, then deletes it again. */
function workOfTyping(lines: number, place: (text: string) => number, typed = TYPED): { work: WorkCounts; findings: number; fixable: number } {
  const original = generateMigratableFile(lines);
  const analyzer = new DocumentAnalyzer({ fileNameOf: () => '/w/src/service.ts', workspaceRelativePathOf: () => 'src/service.ts', refineFindings: refineFixability });
  const settings = fromRaw({});
  let version = 1;
  const analyse = (text: string) => analyzer.analyze(TextDocument.create('file:///w/src/service.ts', 'typescript', version++, text), settings)!.result.findings;
  const first = analyse(original);
  const at = place(original);
  assert.ok(at > 0);
  const before = snapshotWorkCounters();
  const versions = [...typed].map((_, i) => original.slice(0, at) + typed.slice(0, i + 1) + original.slice(at));
  for (const text of [...versions, ...versions.slice(0, -1).reverse(), original]) analyse(text);
  const last = analyse(original + '');
  assert.deepStrictEqual(last.map((finding) => finding.fixable), first.map((finding) => finding.fixable));
  return { work: workSince(before), findings: first.length, fixable: first.filter((finding) => finding.fixable).length };
}

describe('work per edit', () => {
  test('typing in plain code costs the same on a 300-line and a 10,000-line file', () => {
    const small = workOfTyping(300, inPlainCode);
    const large = workOfTyping(10_000, inPlainCode);
    // The large file has many more findings, most of them fixable: refining them again would show.
    assert.ok(large.findings > 10 * small.findings && large.fixable > 10 * small.fixable, JSON.stringify({ small, large }));
    assert.deepStrictEqual(withoutMoves(large.work), withoutMoves(small.work));
    assertWaitingMadeOnce(large, small);
    assert.equal(large.work.findingsRefined, 0, 'no finding is refined again');
    // Nothing a check read changed and no finding changed place: the last refinement is carried over, not run.
    assert.ok(large.work.refinementsCarried > 0, 'refinements carried over');
    // The findings after the edit move with their statements: the refinement knows their places from before.
    assert.equal(large.work.findingShapes, small.work.findingShapes, 'finding shapes made again');
    assert.equal(large.work.checks, 0, 'no rewrite check runs again');
    assert.equal(large.work.rewritePasses, 0, 'no rewrite runs');
    assert.ok(large.work.statementsReanalysed <= 2 * (2 * TYPED.length), `${large.work.statementsReanalysed} statements re-analysed`);
    // The symbol tracker records only the statements an edit made (and kept ones a resolution first enters), not
    // the ~2,600 top-level statements of the large file on every keystroke.
    assert.equal(large.work.statementsBound, small.work.statementsBound, 'statements whose declarations were recorded');
    assert.ok(large.work.statementsBound <= 4 * (2 * TYPED.length), `${large.work.statementsBound} statements recorded`);
    // Every version re-parses only the statement typed in: the half-typed ones ('a', 'ab') too, their parse errors
    // lying inside it (statementReparse.ts), where they went through TypeScript's incremental parse of the whole file,
    // which reads and moves every position.
    assert.equal(large.work.statementReparses, 2 * TYPED.length, 'statement-level reparses');
    assert.equal(large.work.fileReparses, 0, 'whole-file reparses');
    assert.equal(large.work.nodesMoved, small.work.nodesMoved, 'node positions moved');
    // The NUL, suppression-directive and migration-TODO checks read only around the edit (textPresence.ts).
    assert.equal(large.work.wholeTextSearches, 0, 'whole-text searches');
    // Collecting the findings visits the statements that report some, not the ~2,600 top-level statements.
    const versions = 2 * TYPED.length;
    assert.ok(large.work.statementsCollected <= versions * large.findings, `${large.work.statementsCollected} statements visited to collect findings`);
    // The function typed in is not walked again for what it returns on each keystroke: its quietness comes from the
    // version before and the run typed (quietFunction.ts).
    assert.ok(large.work.quietnessInherited > versions / 2, `${large.work.quietnessInherited} of ${versions} versions kept their quietness`);
  });

  test('typing inside a function that calls Bedrock costs the same on a 300-line and a 10,000-line file', () => {
    // A statement that parses after most keystrokes, so the refinement runs on them.
    const typed = 'const total = question.length * 2;\n  ';
    const small = workOfTyping(300, inBedrockFunction, typed);
    const large = workOfTyping(10_000, inBedrockFunction, typed);
    assert.ok(large.findings > 10 * small.findings && large.fixable > 10 * small.fixable, JSON.stringify({ small, large }));
    // Only the checks whose reads the edit touched run again: the typed call's own, the import's (the function
    // names an imported command) and the client region's (it reads the other findings, which moved).
    // (Re-analysis of the statements linked to the edited one by name is the incremental analysis's own concern.)
    // (So are the positions moved: the statements re-analysed, and the whole tree before a check runs again, are settled.)
    // (So are the shapes of the findings it reports again: those of the statements re-analysed are new objects, their
    // shapes made, or made from those of the findings before them when alike.)
    // (So are the candidates detected: those of the statements re-analysed.)
    const refinement = ({ statementsReanalysed: _, findingShapes: __, findingShapesReused: ___, candidatesDetected: ____, candidatesKept: _____, ...rest }: WorkCounts) =>
      withoutMoves(rest as WorkCounts);
    assert.ok(large.work.checks > 0, 'the edited function is checked again');
    // Each edited statement is walked once, by the analysis: the refinement takes its names from that walk.
    assert.equal(large.work.nameWalks, 0, 'statements the refinement walked again for their names');
    assert.deepStrictEqual(refinement(large.work), refinement(small.work));
    assertWaitingMadeOnce(large, small);
    assert.equal(large.work.rewritePasses, 0, 'no rewrite runs');
    assert.equal(large.work.wholeTextSearches, 0, 'whole-text searches');
  });

  test('typing a line that names nothing the function uses re-runs the detectors on that line only', () => {
    // As the typing bench types it, at the start of the body: the statements after it keep their detector results.
    const atBodyStart = (text: string) => text.indexOf('\n', inBedrockFunction(text) - 10);
    const typed = '\n  const total = ticket.tags.length * 2;';
    const small = workOfTyping(300, atBodyStart, typed);
    const large = workOfTyping(10_000, atBodyStart, typed);
    assert.deepStrictEqual(withoutMoves(large.work), withoutMoves(small.work));
    // The function's Converse call, its client and its strings are handed to no detector again, except after the
    // keystrokes whose half-typed line the parser may continue into the next statement (`ticket.`): then the statement
    // after it, with the call, is parsed again too, and what it calls may change what the rest resolves.
    // Over half of what the detectors saw is kept, not handed to them.
    assert.ok(large.work.candidatesKept > large.work.candidatesDetected / 2, JSON.stringify(large.work));
  });

  test('typing a line above a Converse call keeps its check\'s verdict, on a 300-line and a 10,000-line file', () => {
    // As the typing bench types it: the line break first. The call's statement is kept by the inner reparse (only
    // moved), and its check reads nothing the typed line names: its verdict is kept (innerEditVerdicts.ts).
    const aboveCall = (text: string) => text.indexOf('\n', inBedrockFunction(text) - 10);
    const typed = '\n  const total = question.length * 2;';
    const small = workOfTyping(300, aboveCall, typed);
    const large = workOfTyping(10_000, aboveCall, typed);
    assert.deepStrictEqual(withoutMoves(large.work), withoutMoves(small.work));
    assertWaitingMadeOnce(large, small);
    const versions = 2 * typed.length;
    assert.ok(large.work.verdictsKeptInside > versions / 2, `${large.work.verdictsKeptInside} of ${versions} versions kept the verdict`);
    // Every verdict kept and the findings those of before (moved): the last refinement is carried over, not run.
    assert.ok(large.work.refinementsCarried > versions / 2, `${large.work.refinementsCarried} of ${versions} refinements carried over`);
    // The call's statement is kept after half-typed lines too: a lone word (`c`...`cons`), an operand missing at the
    // line's end (`=`, `*`), in the typing and in the deleting (typedEndsAlike).
    assert.ok(large.work.innerStatementsKeptAfterHalfTyped >= 16, `${large.work.innerStatementsKeptAfterHalfTyped} of ${versions} versions kept the call after a half-typed line`);
    // Run again only after versions that did not parse (the call's statement parsed again with the half-typed line).
    assert.ok(large.work.checks < versions / 4, `${large.work.checks} checks in ${versions} versions`);
  });

  test('typing that keeps the file parsing moves as many node positions on a 300-line as on a 10,000-line file', () => {
    const small = workOfTyping(300, inName, 'xyz');
    const large = workOfTyping(10_000, inName, 'xyz');
    assert.equal(large.work.fileReparses, 0, 'every version is re-parsed statement by statement');
    // Only the top-level statements after the edit move at once (two numbers each); the ~60,000 nodes under them do
    // not, unless something looks into them.
    assert.ok(large.work.statementsMoved > 10 * small.work.statementsMoved, JSON.stringify({ small: small.work, large: large.work }));
    assert.equal(large.work.nodesMoved, small.work.nodesMoved, 'node positions moved');
    assert.deepStrictEqual(withoutMoves(large.work), withoutMoves(small.work));
  });
});

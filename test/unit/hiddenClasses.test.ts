// The typing path's objects have the same hidden classes whether the analysis at document open made them or the
// keystrokes of an editor session did (issue #13: when they differed, every document opened threw away the typing
// path's optimised code, "deopt-eager, wrong map", and the recompiles slowed the keystrokes after it). A child with
// --allow-natives-syntax compares them with V8's %HaveSameMap: a count of differing objects, not a time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const CHILD = join(__dirname, '..', 'helpers', 'hiddenClasses.ts');

interface Report {
  comparisons: Array<{ kind: string; compared: number; differing: string[] }>;
  dictionaryMode: string[];
}

test('the tree, its statements and the findings of an opened document have the hidden classes of a typed-in one', () => {
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', CHILD], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
  assert.equal(child.status, 0, child.stderr);
  const report = JSON.parse(child.stdout) as Report;
  assert.deepEqual(report.comparisons.map(({ kind }) => kind), ['source file', 'top-level statements', 'findings']);
  for (const { kind, compared, differing } of report.comparisons) {
    assert.ok(compared > 0, `${kind}: none compared`);
    assert.deepEqual(differing, [], `${kind}: of another hidden class after typing than after opening`);
  }
  assert.deepEqual(report.dictionaryMode, [], 'trees in dictionary mode (every property read a hash lookup)');
});

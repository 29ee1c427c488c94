// The arrays the typing path maps and reads again later (diagnostics compared with the last report's, word counts,
// candidate groups, refinement places) have one hidden class whether the function mapping them ran interpreted or
// optimised (issue #13: Array.prototype.map's optimised result is holey, its builtin's packed; code reading both was
// thrown away, "deopt-eager, wrong map", and recompiled inside the keystrokes after). A child with
// --allow-natives-syntax compiles each function and compares its results with V8's %HaveSameMap.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const CHILD = join(__dirname, '..', 'helpers', 'packedArrays.ts');

test('an array mapped by optimised code has the hidden class of one mapped by the interpreter', () => {
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', CHILD], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
  assert.equal(child.status, 0, child.stderr);
  const comparisons = JSON.parse(child.stdout) as Array<{ array: string; sameMap: boolean; optimized: boolean }>;
  assert.deepEqual(comparisons.map(({ array }) => array), ['diagnostics', 'word counts']);
  for (const { array, sameMap, optimized } of comparisons) {
    assert.ok(optimized, `${array}: the function was not optimised, nothing compared`);
    assert.ok(sameMap, `${array}: of another hidden class when mapped by optimised code`);
  }
});

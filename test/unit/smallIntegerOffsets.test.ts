// Offsets stay small integers through a fix (issue #13). One offset V8 holds as a boxed double (a -0, say) stored
// in a `{ start, end }` range turns the fields of every range into boxed doubles (they share one hidden class);
// moved into the syntax tree, it does the same to every node, each converted on its next write: on a 3 MB file that
// was 680,000 conversions, most of `scan --fix`'s first settling of the tree, and more memory. A child with
// --allow-natives-syntax asks V8 about each offset.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const CHILD = join(__dirname, '..', 'helpers', 'smallIntegerOffsets.ts');

test('the edits of a fix and the positions in its last tree are small integers, not boxed doubles', () => {
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', CHILD], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
  assert.equal(child.status, 0, child.stderr);
  const report = JSON.parse(child.stdout) as { edits: number; reanalysed: boolean; nodes: number; boxedEditOffsets: number; boxedNodeOffsets: number };
  assert.ok(report.edits > 10 && report.reanalysed && report.nodes > 1_000, `the passes edited and re-analysed the file: ${child.stdout}`);
  assert.equal(report.boxedEditOffsets, 0, `edit offsets held as doubles: ${child.stdout}`);
  assert.equal(report.boxedNodeOffsets, 0, `node positions held as doubles: ${child.stdout}`);
});

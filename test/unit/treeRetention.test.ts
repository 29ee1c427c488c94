// The CLI holds every file's findings until the whole tree is read (scan --fix and the migration plan need them all):
// a finding that referenced its file's syntax tree would keep every parsed tree alive. A child with --expose-gc
// analyses a file as the scan does and counts the trees still reachable once only the findings are held.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const CHILD = join(__dirname, '..', 'helpers', 'treeRetention.ts');

test('findings held after the analysis keep none of the syntax trees it parsed alive', () => {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
  assert.equal(child.status, 0, child.stderr);
  const report = JSON.parse(child.stdout) as { findings: number; fixable: number; trees: number; treesAlive: number };
  assert.ok(report.findings > 0 && report.fixable > 0, `a file with fixable findings (refined on the analysis's tree): ${child.stdout}`);
  assert.ok(report.trees > 0, `the analysis parsed the file: ${child.stdout}`);
  assert.equal(report.treesAlive, 0, `trees still reachable from the findings: ${child.stdout}`);
});

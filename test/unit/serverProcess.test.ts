// The extension starts the language server with SERVER_EXEC_ARGV (client/src/client.ts): Node must accept every flag
// (an unknown V8 flag is reported on stderr and ignored, or stops the process), or the server runs without them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { SERVER_EXEC_ARGV } from '../../shared/serverProcess';

test('node accepts the flags the extension starts the server with', () => {
  const run = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'ok');
  assert.equal(run.stderr, '', 'no warning about a flag');
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readSourceFile, type FileCandidate } from '../../../server/src/workspace';
import { readSourceFileSyncUnlessKnown } from '../../../server/src/workspace/readSourceFile';
import { createWorkspace, removeWorkspace } from '../support/tempWorkspace';

describe('readSourceFile', () => {
  let root: string;
  const candidate = (relativePath: string): FileCandidate => ({ kind: 'file', absolutePath: join(root, relativePath), relativePath, explicit: false });
  const read = (relativePath: string, maxFileSizeBytes = 1024) => readSourceFile(candidate(relativePath), { maxFileSizeBytes });

  before(() => {
    root = createWorkspace({
      'ok.tsx': '\uFEFFexport {};\r\n',
      'big.js': 'x'.repeat(2048),
      'image.ts': new Uint8Array([1, 0, 2]),
      'script.py': 'import boto3\n',
      'folder.ts/inner.ts': '',
    });
  });
  after(() => removeWorkspace(root));

  test('reads a file with its language id, without the BOM', async () => {
    const file = await read('ok.tsx');
    assert.equal(file.kind, 'source');
    if (file.kind !== 'source') return;
    assert.equal(file.languageId, 'typescriptreact');
    assert.equal(file.text, 'export {};\r\n');
    assert.equal(file.hasBom, true);
  });

  test('skips with a reason instead of throwing', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['big.js', 'too-large', /2 KB is over the 1 KB limit/],
      ['image.ts', 'binary', /NUL bytes/],
      ['script.py', 'unsupported-language', /only TypeScript, JavaScript, Markdown and package.json/],
      ['folder.ts', 'not-a-file', /not a regular file/],
      ['missing.ts', 'unreadable', /no such file or folder/],
    ];
    for (const [path, reason, message] of cases) {
      const file = await read(path);
      assert.equal(file.kind, 'skipped', path);
      if (file.kind !== 'skipped') continue;
      assert.equal(file.reason, reason, path);
      assert.match(file.message, message, path);
    }
  });

  test('a FIFO is skipped without blocking on open', { skip: process.platform === 'win32' && 'no FIFOs on Windows' }, async () => {
    execFileSync('mkfifo', [join(root, 'pipe.ts')]);
    const file = await read('pipe.ts');
    assert.equal(file.kind === 'skipped' && file.reason, 'not-a-file');
  });

  test('blocking, for a caller that keeps results by stats: a known file is left unread, any other read with its stats', () => {
    const asked: number[] = [];
    const known = readSourceFileSyncUnlessKnown(candidate('ok.tsx'), { maxFileSizeBytes: 1024 }, undefined, (stats) => asked.push(stats.size) > 0);
    assert.deepEqual(asked, [15]);
    assert.equal(known.file, undefined);
    assert.equal(known.stats?.size, 15);
    const unknown = readSourceFileSyncUnlessKnown(candidate('ok.tsx'), { maxFileSizeBytes: 1024 }, undefined, () => false);
    assert.equal(unknown.file?.kind === 'source' && unknown.file.text, 'export {};\r\n');
    assert.equal(unknown.stats?.size, 15);
    // Refused files keep their stats (a cache keeps the refusal while they are unchanged); a missing one has none.
    const big = readSourceFileSyncUnlessKnown(candidate('big.js'), { maxFileSizeBytes: 1024 }, undefined, () => false);
    assert.equal(big.file?.kind === 'skipped' && big.file.reason, 'too-large');
    assert.equal(big.stats?.size, 2048);
    const missing = readSourceFileSyncUnlessKnown(candidate('missing.ts'), { maxFileSizeBytes: 1024 }, undefined, () => assert.fail('asked about a missing file'));
    assert.equal(missing.file?.kind === 'skipped' && missing.file.reason, 'unreadable');
    assert.equal(missing.stats, undefined);
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readSourceFile, type FileCandidate } from '../../../server/src/workspace';
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
});

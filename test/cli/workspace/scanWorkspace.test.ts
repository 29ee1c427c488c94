import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { normalizeSettings } from '../../../server/src/engine/settings';
import { scanWorkspace, type FileScanResult, type ScanOptions } from '../../../server/src/workspace';
import { BEDROCK_TS, CLEAN_TS } from '../support/samples';
import { createWorkspace, removeWorkspace } from '../support/tempWorkspace';

describe('scanWorkspace', () => {
  let root: string;
  const options = (overrides: Partial<ScanOptions> = {}): ScanOptions =>
    ({ roots: ['.'], cwd: root, settings: normalizeSettings({}), ...overrides });
  const collect = async (scan: AsyncGenerator<FileScanResult>) => {
    const results: FileScanResult[] = [];
    for await (const result of scan) results.push(result);
    return results;
  };

  before(() => {
    root = createWorkspace({
      'a/app.ts': BEDROCK_TS,
      'a/clean.ts': CLEAN_TS,
      'b/blob.js': new Uint8Array([0]),
      'c/crlf.ts': `\uFEFF${BEDROCK_TS.replaceAll('\n', '\r\n')}`,
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`many/file${String(i).padStart(2, '0')}.ts`, CLEAN_TS])),
    });
  });
  after(() => removeWorkspace(root));

  test('yields one result per file in walk order: scanned with findings, or skipped with a reason', async () => {
    const results = await collect(scanWorkspace(options({ roots: ['a', 'b'] })));
    assert.deepEqual(results.map((result) => [result.relativePath, result.kind]), [
      ['a/app.ts', 'scanned'],
      ['a/clean.ts', 'scanned'],
      ['b/blob.js', 'skipped'],
    ]);
    const [app, clean, blob] = results;
    assert.equal(app!.kind === 'scanned' && app!.findings.length, 4);
    assert.equal(clean!.kind === 'scanned' && clean!.findings.length, 0);
    assert.equal(blob!.kind === 'skipped' && blob!.reason, 'binary');
  });

  test('the document maps offsets to the positions an editor shows, BOM and CRLF included', async () => {
    const [lf] = await collect(scanWorkspace(options({ roots: ['a/app.ts'] })));
    const [crlf] = await collect(scanWorkspace(options({ roots: ['c/crlf.ts'] })));
    assert.ok(lf?.kind === 'scanned' && crlf?.kind === 'scanned');
    assert.equal(crlf.hasBom, true);
    const positions = (file: typeof lf) => file.findings.map((finding) => [file.document.positionAt(finding.range.start), file.document.positionAt(finding.range.end)]);
    assert.deepEqual(positions(crlf), positions(lf));
  });

  test('keeps walk order with many files and a small concurrency', async () => {
    const results = await collect(scanWorkspace(options({ roots: ['many'], concurrency: 2 })));
    assert.deepEqual(results.map((result) => result.relativePath), Array.from({ length: 40 }, (_, i) => `many/file${String(i).padStart(2, '0')}.ts`));
  });

  test('stops yielding once cancelled', async () => {
    const token = { isCancellationRequested: false };
    let count = 0;
    for await (const result of scanWorkspace(options({ roots: ['many'] }), token)) {
      void result;
      count++;
      if (count === 3) token.isCancellationRequested = true;
    }
    assert.equal(count, 3);
  });

  test('applies the size limit it is given', async () => {
    const [app] = await collect(scanWorkspace(options({ roots: ['a/app.ts'], maxFileSizeBytes: 10 })));
    assert.equal(app?.kind === 'skipped' && app.reason, 'too-large');
  });

  test('blocking reads share one buffer: each file keeps its own text and content hash', async () => {
    // Larger, then smaller, then larger again than any before (the buffer grows), with a BOM and non-ASCII text.
    const texts = {
      'shared/1-large.ts': `${BEDROCK_TS}\n// ${'a'.repeat(200_000)}\n`,
      'shared/2-small.ts': BEDROCK_TS,
      'shared/3-clean.ts': CLEAN_TS,
      'shared/4-larger.ts': `\uFEFF${BEDROCK_TS}\n// 模型 ${'b'.repeat(300_000)}\n`,
    };
    const shared = createWorkspace(texts);
    try {
      const results = await collect(scanWorkspace({ ...options({ roots: ['shared'] }), cwd: shared, blockingReads: true }));
      for (const result of results) {
        assert.equal(result.kind, 'scanned', result.relativePath);
        if (result.kind !== 'scanned') continue;
        const written = texts[result.relativePath as keyof typeof texts];
        assert.equal(result.document.getText(), written.replace(/^\uFEFF/, ''), result.relativePath);
        const expectedHash = result.findings.length > 0 ? createHash('sha256').update(written, 'utf8').digest('hex') : undefined;
        assert.equal(result.contentHash, expectedHash, result.relativePath);
      }
      assert.deepEqual(results.map((result) => result.kind === 'scanned' && result.findings.length > 0), [true, true, false, true]);
    } finally {
      removeWorkspace(shared);
    }
  });
});

// The pieces of the editor's report scan that decide what is scanned and what is reused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minimatch } from 'minimatch';
import { createPathFilter, excludedFolderNames, type FileAnalysis, ReportCache } from '../../server/src/report/io';
import { seededRandom } from '../helpers/seededRandom';

describe('report path filter (files.exclude, report.exclude, report.include)', () => {
  test('a pattern matching a folder excludes everything inside it, like files.exclude', () => {
    const included = createPathFilter({ exclude: ['**/legacy', 'build/**'], include: [] });
    assert.equal(included('src/legacy/old.ts'), false);
    assert.equal(included('legacy/deep/x.ts'), false);
    assert.equal(included('build/out.js'), false);
    assert.equal(included('src/legacyish.ts'), true);
  });

  test('dot files and brace patterns match', () => {
    const included = createPathFilter({ exclude: ['**/*.{spec,test}.ts', '.storybook/**'], include: [] });
    assert.equal(included('src/a.test.ts'), false);
    assert.equal(included('.storybook/main.ts'), false);
    assert.equal(included('src/a.ts'), true);
  });

  test('include narrows; exclude still wins inside it', () => {
    const included = createPathFilter({ exclude: ['src/gen/**'], include: ['src/**'] });
    assert.equal(included('src/app.ts'), true);
    assert.equal(included('docs/a.md'), false);
    assert.equal(included('src/gen/x.ts'), false);
  });

  test('empty and blank globs are ignored', () => {
    const included = createPathFilter({ exclude: ['', '  '], include: [' '] });
    assert.equal(included('anything/at/all.ts'), true);
  });

  test('answers as minimatch on the path and each ancestor, for 3,000 random paths and glob sets (VS Code defaults included)', () => {
    const options = { dot: true, nocase: process.platform === 'win32' || process.platform === 'darwin' };
    const reference = (exclude: string[], include: string[]) => (path: string) => {
      if (include.length > 0 && !include.some((glob) => minimatch(path, glob, options))) return false;
      const segments = path.split('/');
      return !segments.some((_, index) => exclude.some((glob) => minimatch(segments.slice(0, index + 1).join('/'), glob, options)));
    };
    const names = ['.git', 'CVS', '.DS_Store', 'src', 'lib', 'gen', 'a.ts', 'b.test.ts', 'README.md', 'Thumbs.db', 'node_modules', 'x.js'];
    const globs = ['**/.git', '**/.svn', '**/CVS', '**/.DS_Store', '**/Thumbs.db', '**/gen', '**/gen/**', 'src/**', '**/*.test.ts', '**/{lib,gen}', '**/a.ts', 'lib', '**/[ab].ts', '**/README.md'];
    const random = seededRandom(13);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let round = 0; round < 3000; round++) {
      const exclude = Array.from({ length: Math.floor(random() * 4) }, () => pick(globs));
      const include = random() < 0.2 ? [pick(globs)] : [];
      const path = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(names)).join('/');
      assert.equal(createPathFilter({ exclude, include })(path), reference(exclude, include)(path), JSON.stringify({ exclude, include, path }));
    }
  });

  test('only "**/name" patterns become walker prunes', () => {
    assert.deepEqual(excludedFolderNames(['**/legacy', '**/tmp/**', 'src/**', '**/*.ts', '**/{a,b}']), ['legacy', 'tmp']);
  });
});

describe('report session cache', () => {
  const result = (): FileAnalysis => ({ languageId: 'typescript', findings: [], imports: ['@aws-sdk/client-bedrock-runtime'] });

  test('hits only for the same mtime, size and fingerprint', () => {
    const cache = new ReportCache();
    cache.set('/w/a.ts', { mtimeMs: 1, size: 10 }, 'en', result());
    assert.deepEqual(cache.get('/w/a.ts', { mtimeMs: 1, size: 10 }, 'en'), result());
    assert.equal(cache.get('/w/a.ts', { mtimeMs: 2, size: 10 }, 'en'), undefined);
    assert.equal(cache.get('/w/a.ts', { mtimeMs: 1, size: 11 }, 'en'), undefined);
    assert.equal(cache.get('/w/a.ts', { mtimeMs: 1, size: 10 }, 'zh-cn'), undefined);
  });

  test('a change the editor reports drops the result; one reported while the file was being read keeps that read out', () => {
    const cache = new ReportCache();
    cache.set('/w/a.ts', { mtimeMs: 1, size: 1 }, 'k', result());
    assert.ok(cache.peek('/w/a.ts', 'k'));
    cache.invalidate('/w/a.ts');
    assert.equal(cache.peek('/w/a.ts', 'k'), undefined);
    cache.beginScan();
    const readAt = cache.changeCount;
    cache.invalidate('/w/a.ts'); // the event comes in between the read and the result
    cache.set('/w/a.ts', { mtimeMs: 2, size: 1 }, 'k', result(), readAt);
    assert.equal(cache.peek('/w/a.ts', 'k'), undefined);
    cache.set('/w/a.ts', { mtimeMs: 3, size: 1 }, 'k', result(), cache.changeCount);
    assert.ok(cache.peek('/w/a.ts', 'k'));
    cache.sweep();
  });

  test('a complete scan sweeps files it did not see; an interrupted one keeps them', () => {
    const cache = new ReportCache();
    cache.set('/w/a.ts', { mtimeMs: 1, size: 1 }, 'k', result());
    cache.set('/w/b.ts', { mtimeMs: 1, size: 1 }, 'k', result());
    cache.resetSweep();
    cache.get('/w/a.ts', { mtimeMs: 1, size: 1 }, 'k');
    cache.resetSweep(); // interrupted: b.ts was simply not reached
    assert.equal(cache.size, 2);
    cache.get('/w/a.ts', { mtimeMs: 1, size: 1 }, 'k');
    cache.sweep(); // complete: b.ts is gone from the workspace
    assert.equal(cache.size, 1);
    assert.ok(cache.get('/w/a.ts', { mtimeMs: 1, size: 1 }, 'k'));
  });
});

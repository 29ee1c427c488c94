// Links from the report to workspace files must resolve from wherever the report is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileHref, relativeHref } from '../../server/src/report';

describe('report links', () => {
  test('relative from the report folder to a file in the same workspace folder', () => {
    assert.equal(relativeHref('/ws/app/.bedrock-to-sagemaker', '/ws/app/src/a.ts'), '../src/a.ts');
  });

  test('Windows paths with backslashes and a shared drive (drive letter case ignored)', () => {
    assert.equal(relativeHref('C:\\ws\\app\\.bedrock-to-sagemaker', 'c:\\ws\\app\\src\\a.ts'), '../src/a.ts');
  });

  test('another drive falls back to an absolute file URI', () => {
    assert.equal(relativeHref('C:\\ws\\app', 'D:\\other\\a.ts'), 'file:///D:/other/a.ts');
  });

  test('spaces, parentheses, # and % are percent-encoded; slashes are kept', () => {
    assert.equal(relativeHref('/ws', '/ws/my dir/a (copy)#1%.ts'), 'my%20dir/a%20%28copy%29%231%25.ts');
  });

  test('multi-root: a file of the second folder, seen from the first folder\'s report', () => {
    const folders = [{ name: 'api', root: '/repo/api' }, { name: 'web', root: '/repo/web/' }];
    assert.equal(fileHref(folders, '/repo/api/.bedrock-to-sagemaker', 'web', 'src/x.ts'), '../../web/src/x.ts');
  });

  test('without a link base the folder-relative path is used', () => {
    assert.equal(fileHref([{ name: 'api', root: '/repo/api' }], undefined, 'api', 'src/a b.ts'), 'src/a%20b.ts');
  });
});

// FileUris.of must give exactly pathToFileURL(path).href, whatever the names and the order of the paths.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileUris } from '../../../server/src/workspace/fileUri';

describe('FileUris', () => {
  it('equals pathToFileURL for plain, encoded and odd names, folder after folder', () => {
    const folders = ['/', '/work/app', '/work/app/src', '/work/a b', '/work/100%', '/work/ünï/cödé', '/work/#x?y', '/work//double', '/work/./dot'];
    const names = ['index.ts', 'a-b_c.d.ts', '@scope', 'x+y~z.js', 'with space.ts', '100%.js', 'q?.md', 'h#.md', 'ü.ts', '中文.md', 'back\\slash.js',
      'tab\t.js', '..', '.', '.hidden.ts', 'a:b.ts', "it's.ts", 'x{y}.ts', 'a`b.ts', '<a>.ts'];
    const uris = new FileUris();
    let checked = 0;
    for (const folder of folders) {
      for (const name of names) {
        const path = `${folder.endsWith('/') ? folder : `${folder}/`}${name}`;
        assert.equal(uris.of(path), pathToFileURL(path).href, path);
        checked++;
      }
      assert.equal(uris.of(`${folder}/trailing/`), pathToFileURL(`${folder}/trailing/`).href);
    }
    // Interleaved folders: the remembered folder must change with them.
    for (const name of names) {
      for (const folder of [folders[1]!, folders[2]!, folders[1]!]) assert.equal(uris.of(join(folder, name)), pathToFileURL(join(folder, name)).href);
    }
    assert.ok(checked > 100);
  });
});

// A walk limited to one path (WalkOptions.within: what a warm report walks for a path created since the last walk)
// finds exactly what a full walk finds at or under that path: the same .gitignore rules (nested ones included),
// skipped folders and file names, for every file and folder of a tree, ignored ones included.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { walkSourceFiles } from '../../server/src/workspace';

const TREE: Record<string, string> = {
  '.gitignore': 'generated/\n*.gen.ts\n',
  'src/a.ts': '', 'src/b.gen.ts': '', 'src/notes.txt': '', 'src/.eslintrc.js': '',
  'src/deep/c.ts': '', 'src/deep/.gitignore': 'local.ts\n!keep.gen.ts\n', 'src/deep/local.ts': '', 'src/deep/keep.gen.ts': '',
  'generated/d.ts': '', 'node_modules/pkg/index.js': '', '.vscode/settings.js': '', 'docs/readme.md': '', 'package.json': '{}',
  'lib/out/e.js': '', 'lib/f.mjs': '',
};

async function walk(root: string, within?: string): Promise<string[]> {
  const paths: string[] = [];
  for await (const entry of walkSourceFiles({ roots: ['.'], cwd: root, within })) paths.push(entry.relativePath);
  return paths;
}

describe('a walk within one path', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'b2s-walk-within-'));
    for (const [path, content] of Object.entries(TREE)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('finds what the full walk finds at or under the path, for every path of the tree', async () => {
    const full = await walk(root);
    assert.ok(full.includes('src/deep/keep.gen.ts') && !full.includes('src/deep/local.ts') && !full.includes('generated/d.ts'), full.join());
    const every = (readdirSync(root, { recursive: true }) as string[]).map((path) => path.split('\\').join('/'));
    assert.ok(every.length > Object.keys(TREE).length, 'folders are tried too');
    for (const path of every) {
      const expected = full.filter((file) => file === path || file.startsWith(`${path}/`));
      assert.deepEqual(await walk(root, path), expected, path);
    }
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { walkSourceFiles, type WalkEntry, type WalkOptions } from '../../../server/src/workspace';
import { createWorkspace, removeWorkspace } from '../support/tempWorkspace';

async function walk(options: WalkOptions): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkSourceFiles(options)) entries.push(entry);
  return entries;
}

const pathsOf = (entries: WalkEntry[]) => entries.map((entry) => entry.relativePath);

describe('walkSourceFiles', () => {
  let root: string;
  before(() => {
    root = createWorkspace({
      '.gitignore': 'generated/\n*.gen.ts\n!keep.gen.ts\n',
      'src/app.ts': '',
      'src/View.TSX': '',
      'src/a.gen.ts': '',
      'src/keep.gen.ts': '',
      'src/.eslintrc.cjs': '',
      'src/notes.txt': '',
      'src/styles.css': '',
      'docs/guide.md': '',
      'docs/old.markdown': '',
      'generated/client.ts': '',
      'packages/lib/.gitignore': 'local.ts\n',
      'packages/lib/local.ts': '',
      'packages/lib/index.mts': '',
      'packages/lib/node_modules/dep/index.js': '',
      'packages/other/local.ts': '',
      'packages/other/legacy.cjs': '',
      'node_modules/@aws-sdk/client-bedrock-runtime/index.js': '',
      '.hidden/secret.ts': '',
      '.git/hooks/pre-commit.js': '',
      'dist/bundle.js': '',
      'out/main.js': '',
      'build/main.js': '',
      'coverage/lcov.js': '',
    });
  });
  after(() => removeWorkspace(root));

  test('walks folders depth first in name order, keeping only supported extensions', async () => {
    assert.deepEqual(pathsOf(await walk({ roots: ['.'], cwd: root })), [
      'docs/guide.md',
      'docs/old.markdown',
      'packages/lib/index.mts',
      'packages/other/legacy.cjs',
      'packages/other/local.ts',
      'src/.eslintrc.cjs',
      'src/View.TSX',
      'src/app.ts',
      'src/keep.gen.ts',
    ]);
  });

  test('honours root and nested .gitignore files, including negation, without leaking to siblings', async () => {
    const paths = pathsOf(await walk({ roots: ['.'], cwd: root }));
    assert.ok(!paths.includes('src/a.gen.ts'), 'ignored by pattern');
    assert.ok(paths.includes('src/keep.gen.ts'), 're-included by !pattern');
    assert.ok(!paths.some((path) => path.startsWith('generated/')), 'ignored folder');
    assert.ok(!paths.includes('packages/lib/local.ts'), 'ignored by the nested .gitignore');
    assert.ok(paths.includes('packages/other/local.ts'), 'the nested rule does not apply to a sibling folder');
  });

  test('skips node_modules at any depth, dot-folders and build output', async () => {
    const paths = pathsOf(await walk({ roots: ['.'], cwd: root }));
    for (const folder of ['node_modules/', 'packages/lib/node_modules/', '.hidden/', '.git/', 'dist/', 'out/', 'build/', 'coverage/']) {
      assert.ok(!paths.some((path) => path.startsWith(folder)), folder);
    }
  });

  test('can be told to ignore .gitignore', async () => {
    const paths = pathsOf(await walk({ roots: ['src'], cwd: root, useGitignore: false }));
    assert.ok(paths.includes('src/a.gen.ts'));
  });

  test('explicit files are yielded even when ignored, excluded or unsupported; relative paths follow cwd', async () => {
    const entries = await walk({ roots: ['src/a.gen.ts', 'dist/bundle.js', 'src/notes.txt'], cwd: root });
    assert.deepEqual(entries.map((entry) => [entry.relativePath, entry.kind === 'file' && entry.explicit]), [
      ['src/a.gen.ts', true],
      ['dist/bundle.js', true],
      ['src/notes.txt', true],
    ]);
    assert.deepEqual(pathsOf(await walk({ roots: [join(root, 'docs')], cwd: join(root, 'src') })), ['../docs/guide.md', '../docs/old.markdown']);
  });

  test('an explicit folder that is ignored or excluded is walked', async () => {
    assert.deepEqual(pathsOf(await walk({ roots: ['generated', 'dist'], cwd: root })), ['generated/client.ts', 'dist/bundle.js']);
  });

  test('the repository root .gitignore applies when a sub-folder is scanned', async () => {
    const repository = createWorkspace({ '.git/HEAD': '', '.gitignore': '*.gen.ts\n', 'src/a.ts': '', 'src/b.gen.ts': '' });
    try {
      assert.deepEqual(pathsOf(await walk({ roots: ['src'], cwd: repository })), ['src/a.ts']);
    } finally {
      removeWorkspace(repository);
    }
  });

  test('a missing root comes back as a problem, not an exception', async () => {
    const [entry] = await walk({ roots: ['nope'], cwd: root });
    assert.equal(entry?.kind, 'problem');
    assert.match(entry.kind === 'problem' ? entry.message : '', /no such file or folder/);
  });

  test('stops when cancelled', async () => {
    const token = { isCancellationRequested: false };
    const seen: string[] = [];
    for await (const entry of walkSourceFiles({ roots: ['.'], cwd: root, token })) {
      seen.push(entry.relativePath);
      token.isCancellationRequested = true;
    }
    assert.equal(seen.length, 1);
  });
});

describe('walkSourceFiles with symbolic links', { skip: process.platform === 'win32' && 'symlinks need privileges on Windows' }, () => {
  let root: string;
  before(() => {
    root = createWorkspace({ 'src/app.ts': '', 'src/deep/leaf.ts': '', 'shared/util.ts': '' });
    symlinkSync('..', join(root, 'src', 'deep', 'loop')); // src/deep/loop -> src: a cycle
    symlinkSync(root, join(root, 'src', 'root-link')); // a link back to the top
    symlinkSync('app.ts', join(root, 'src', 'alias.ts')); // a second name for one file
    symlinkSync(join(root, 'shared'), join(root, 'src', 'shared-link')); // a folder reached twice
    symlinkSync('missing.ts', join(root, 'src', 'dangling.ts'));
    mkdirSync(join(root, 'src', 'self'));
    symlinkSync('self-loop.ts', join(root, 'src', 'self', 'self-loop.ts'));
  });
  after(() => removeWorkspace(root));

  test('terminates on loops and reports each file once, under its real path when it has one', async () => {
    const entries = await walk({ roots: ['.'], cwd: root });
    const files = entries.filter((entry) => entry.kind === 'file').map((entry) => entry.relativePath);
    assert.deepEqual(files, ['shared/util.ts', 'src/app.ts', 'src/deep/leaf.ts']);
  });

  test('links to missing files and link cycles are problems with a reason', async () => {
    const problems = (await walk({ roots: ['src'], cwd: root })).filter((entry) => entry.kind === 'problem');
    const messages = Object.fromEntries(problems.map((entry) => [entry.relativePath, entry.kind === 'problem' ? entry.message : '']));
    assert.deepEqual(Object.keys(messages).sort(), ['src/dangling.ts', 'src/self/self-loop.ts']);
    assert.match(messages['src/dangling.ts']!, /broken symbolic link/);
    assert.match(messages['src/self/self-loop.ts']!, /too many levels of symbolic links/);
  });

  test('a linked folder is walked when it is the only way to reach its files, once', async () => {
    const files = (await walk({ roots: ['src'], cwd: root })).filter((entry) => entry.kind === 'file').map((entry) => entry.relativePath);
    assert.deepEqual(files.filter((path) => path.endsWith('/util.ts')).length, 1, files.join(', '));
    assert.deepEqual(files.filter((path) => path.endsWith('/app.ts')), ['src/app.ts']);
  });
});

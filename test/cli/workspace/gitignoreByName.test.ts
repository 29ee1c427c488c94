// GitignoreStack.inFolder answers by name, testing each folder once for layers whose rules all match by name: its
// answers must equal the `ignore` package's on the whole path (GitignoreStack.isIgnored), for any rules and paths.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { WalkFileSystem } from '../../../server/src/workspace/fileSystem';
import { GitignoreStack } from '../../../server/src/workspace/gitignore';

const ROOT = '/repo';
const NAMES = ['src', 'lib', 'tmp', 'build', 'a.log', 'keep.log', '.env', '.env.local', 'index.ts', 'x.tsbuildinfo', 'Tmp', 'node-modules'];
// By-name patterns (globs, classes, folder-only, negations) and others (slashes inside, `**`, escapes).
const PATTERNS = ['*.log', '!keep.log', 'tmp/', '.env', '.env.*', '*.tsbuildinfo', 'lib', '!lib/', 'sr?', '[ab].log', 'build/', '!tmp',
  '# a comment/with/slashes', '', 'src/lib', '/tmp', '**/build', 'lib/**', '\\!keep.log', 'src/*.ts'];

function stackOf(layers: Array<{ folder: string; rules: string[] }>): Promise<GitignoreStack> {
  const contents = new Map(layers.map((layer) => [join(ROOT, layer.folder, '.gitignore'), layer.rules.join('\n')]));
  const fs = { readText: async (path: string) => contents.get(path) ?? '' } as unknown as WalkFileSystem;
  return layers.reduce(async (stack, layer) => (await stack).enter(join(ROOT, layer.folder), true, fs), Promise.resolve(GitignoreStack.empty));
}

describe('GitignoreStack.inFolder', () => {
  it('answers as the ignore package does on the whole path', async () => {
    const folder = fc.array(fc.constantFrom(...NAMES), { maxLength: 4 }).map((parts) => parts.join('/'));
    const rules = fc.array(fc.constantFrom(...PATTERNS), { maxLength: 6 });
    await fc.assert(fc.asyncProperty(
      fc.array(rules, { minLength: 1, maxLength: 3 }), folder, fc.constantFrom(...NAMES), fc.boolean(),
      async (ruleSets, below, name, isFolder) => {
        // Layers at the root and at the first folders on the way down to the folder under test.
        const parts = below === '' ? [] : below.split('/');
        const layers = ruleSets.map((set, index) => ({ folder: parts.slice(0, Math.min(index, parts.length)).join('/'), rules: set }));
        const unique = layers.filter((layer, index) => layers.findIndex((other) => other.folder === layer.folder) === index);
        const stack = await stackOf(unique);
        const folderPath = join(ROOT, below);
        assert.equal(stack.inFolder(folderPath).isIgnored(name, isFolder), stack.isIgnored(join(folderPath, name), isFolder),
          `${JSON.stringify(unique)} ${below}/${name}${isFolder ? '/' : ''}`);
      },
    ), { seed: 13, numRuns: 3000 });
  });
});

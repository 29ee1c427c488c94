// Reading a file's package (package.json type, tsconfig/jsconfig module options, source root) from disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PackageContexts } from '../../server/src/workspace/packageContexts';

describe('package contexts from disk', () => {
  let root: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'b2s-packages-'));
    write('package.json', '{ "name": "root", "private": true, "workspaces": ["packages/*"] }');
    write('tsconfig.base.json', '{\n  // shared\n  "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", },\n}');
    write('packages/esm/package.json', '{ "name": "esm", "type": "module" }');
    write('packages/esm/tsconfig.json', '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "rootDir": "lib" } }');
    write('packages/esm/lib/deep/chat.ts', '');
    write('packages/web/package.json', '\uFEFF{ "name": "web", "type": "module" }');
    write('packages/web/tsconfig.json', '{ "compilerOptions": { "moduleResolution": "bundler", "allowImportingTsExtensions": true } }');
    write('packages/web/src/chat.ts', '');
    write('packages/js/package.json', '{ "name": "js" }');
    write('packages/js/jsconfig.json', '{ "compilerOptions": { "checkJs": true, "module": "commonjs" } }');
    write('packages/js/index.js', '');
    write('loose/chat.ts', '');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('takes the nearest package.json, its type, and tsconfig options through extends (comments, trailing commas)', () => {
    const context = new PackageContexts(root).contextOf(join(root, 'packages/esm/lib/deep/chat.ts'));
    assert.deepEqual(context, { root: 'packages/esm', type: 'module', sourceRoot: 'packages/esm/lib', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } });
  });

  it('uses src/ as the source root when it exists, and reads a BOM-prefixed package.json', () => {
    const context = new PackageContexts(root).contextOf(join(root, 'packages/web/src/chat.ts'));
    assert.deepEqual(context, { root: 'packages/web', type: 'module', sourceRoot: 'packages/web/src', compilerOptions: { moduleResolution: 'bundler', allowImportingTsExtensions: true } });
  });

  it('reads jsconfig.json for JavaScript; a package without "type" is CommonJS; no src/ means the package root', () => {
    const context = new PackageContexts(root).contextOf(join(root, 'packages/js/index.js'));
    assert.deepEqual(context, { root: 'packages/js', type: 'commonjs', sourceRoot: 'packages/js', compilerOptions: { module: 'commonjs' } });
  });

  it('falls back to the workspace root package, and never places anything above the workspace root', () => {
    const loose = new PackageContexts(root).contextOf(join(root, 'loose/chat.ts'));
    assert.equal(loose.root, '');
    assert.equal(loose.type, 'commonjs');
    const inner = new PackageContexts(join(root, 'packages/esm/lib')).contextOf(join(root, 'packages/esm/lib/deep/chat.ts'));
    assert.equal(inner.root, '', 'the package is above the workspace: the workspace root holds created files');
    assert.equal(inner.type, 'module', 'but the package still decides the module system');
  });
});

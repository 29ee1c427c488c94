// The write discipline (server/src/workspace/safeWrite.ts) and byte-exact encodings (encoding.ts).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { fixScannedFile } from '../../../server/src/cli/applyFixes';
import { normalizeSettings } from '../../../server/src/engine/settings';
import { scanWorkspace, type ScannedFile } from '../../../server/src/workspace';
import { decodeBytes, encodeText } from '../../../server/src/workspace/encoding';
import { checkRelativePath, createFile, readForEdit, replaceFile, writeEdited, writeOutputFile, WriteScope } from '../../../server/src/workspace/safeWrite';
import { createWorkspace, removeWorkspace } from '../support/tempWorkspace';
import { PackageContexts } from '../../../server/src/workspace/packageContexts';

const CONVERSE = [
  "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  "export const ask = (text: string) => client.send(new ConverseCommand({ modelId: 'meta.llama3-1-8b-instruct-v1:0', messages: [{ role: 'user', content: [{ text }] }] }));",
  '',
].join('\n');

const roots: string[] = [];
function workspace(files: Record<string, string | Uint8Array>): string {
  const root = createWorkspace(files);
  roots.push(root);
  return root;
}
after(() => roots.forEach(removeWorkspace));

async function scanned(root: string, path: string): Promise<ScannedFile> {
  for await (const result of scanWorkspace({ roots: [path], cwd: root, settings: normalizeSettings({}) })) {
    if (result.kind === 'scanned') return result;
  }
  throw new Error(`${path} was not scanned`);
}

describe('encodings', () => {
  test('detects UTF-8 (with and without BOM), GB18030 and Latin-1, and every one round-trips', () => {
    const samples: Array<[Buffer, string]> = [
      [Buffer.from('const a = "你好";\n', 'utf8'), 'utf-8'],
      [Buffer.from('\uFEFFconst a = 1;\n', 'utf8'), 'utf-8'],
      [iconv.encode('// 你好，世界\nconst a = 1;\n', 'gbk'), 'gb18030'],
      [Buffer.from('// café\xff\n', 'latin1'), 'latin1'],
    ];
    for (const [bytes, encoding] of samples) {
      const decoded = decodeBytes(bytes);
      assert.equal(decoded.encoding, encoding);
      const encoded = encodeText(decoded.text, decoded.encoding, decoded.hasBom);
      assert.ok('bytes' in encoded && encoded.bytes.equals(bytes), `${encoding} round-trips`);
    }
  });

  test('refuses characters the encoding cannot hold, and lone surrogates', () => {
    assert.deepEqual(encodeText('a 你 b', 'latin1', false), { unrepresentable: '你' });
    assert.deepEqual(encodeText('a \uD800 b', 'utf-8', false), { unrepresentable: '\uD800' });
    assert.ok('bytes' in encodeText('a 你 € b', 'gb18030', false));
  });
});

describe('safeWrite', () => {
  test('writeEdited keeps every byte outside the edit of a GBK file, and refuses what Latin-1 cannot hold', async () => {
    const original = iconv.encode('// 注释\nconst region = "us-east-1";\n// 结束\n', 'gbk');
    const root = workspace({ 'gbk.ts': original, 'latin.ts': Buffer.from('// é\nconst a = 1;\n', 'latin1') });
    const scope = await WriteScope.of([root]);
    const file = await readForEdit(join(root, 'gbk.ts'), scope);
    assert.ok(file.ok);
    assert.equal(file.encoding, 'gb18030');
    const outcome = await writeEdited(file, file.text.replace('us-east-1', 'cn-northwest-1'));
    assert.ok(outcome.ok);
    const written = readFileSync(join(root, 'gbk.ts'));
    const head = original.indexOf(Buffer.from('us-east-1'));
    const tail = original.length - head - 'us-east-1'.length;
    assert.ok(written.subarray(0, head).equals(original.subarray(0, head)));
    assert.ok(written.subarray(written.length - tail).equals(original.subarray(original.length - tail)));

    const latin = await readForEdit(join(root, 'latin.ts'), scope);
    assert.ok(latin.ok);
    const refused = await writeEdited(latin, latin.text.replace('const', '// 你好\nconst'));
    assert.ok(!refused.ok && refused.reason === 'encoding', JSON.stringify(refused));
    assert.match(refused.message, /ISO-8859-1.*U\+4F60/);
    assert.ok(readFileSync(join(root, 'latin.ts')).equals(Buffer.from('// é\nconst a = 1;\n', 'latin1')));
  });

  test('5. a file changed after it was read is skipped with a message; the edit made meanwhile survives', async () => {
    const root = workspace({ 'a.ts': 'const a = 1;\n' });
    const scope = await WriteScope.of([root]);
    const file = await readForEdit(join(root, 'a.ts'), scope);
    assert.ok(file.ok);
    writeFileSync(join(root, 'a.ts'), 'const a = 2; // typed meanwhile\n');
    const outcome = await replaceFile(file.snapshot, Buffer.from('const a = 3;\n'));
    assert.ok(!outcome.ok && outcome.reason === 'changed');
    assert.match(outcome.message, /changed after it was read/);
    assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), 'const a = 2; // typed meanwhile\n');
    assert.deepEqual(readdirSync(root), ['a.ts'], 'no temporary file is left behind');
  });

  test('5. a file deleted after it was read is not recreated', async () => {
    const root = workspace({ 'a.ts': 'const a = 1;\n' });
    const file = await readForEdit(join(root, 'a.ts'), await WriteScope.of([root]));
    assert.ok(file.ok);
    rmSync(join(root, 'a.ts'));
    const outcome = await replaceFile(file.snapshot, Buffer.from('x'));
    assert.ok(!outcome.ok && outcome.reason === 'vanished');
    assert.equal(existsSync(join(root, 'a.ts')), false);
  });

  test('5. --fix of a file edited between the scan and the write leaves the edit alone', async () => {
    const root = workspace({ 'src/chat.ts': CONVERSE });
    const file = await scanned(root, 'src/chat.ts');
    writeFileSync(join(root, 'src/chat.ts'), `// edited meanwhile\n${CONVERSE}`);
    const context = { workspaceRoot: root, rewriteScope: await WriteScope.of([join(root, 'src')]), createScope: await WriteScope.of([root]), packages: new PackageContexts(root) };
    const outcome = await fixScannedFile(file, normalizeSettings({}), context);
    assert.equal(outcome.editCount, 0);
    assert.match(outcome.failure ?? '', /changed after it was scanned/);
    assert.equal(readFileSync(join(root, 'src/chat.ts'), 'utf8'), `// edited meanwhile\n${CONVERSE}`);
  });

  test('confinement: links pointing out are refused, new files under a linked folder too; relative paths are checked', async () => {
    const outside = workspace({ 'secret.ts': 'x', 'dir/keep': '' });
    const root = workspace({ 'src/a.ts': 'a' });
    symlinkSync(join(outside, 'secret.ts'), join(root, 'src/link.ts'));
    symlinkSync(join(outside, 'dir'), join(root, 'src/out'));
    const scope = await WriteScope.of([root]);
    assert.equal((await scope.confine(join(root, 'src/a.ts'))).ok, true);
    assert.equal((await scope.confine(join(root, 'src/new/deeper.ts'))).ok, true);
    assert.equal((await scope.confine(join(root, 'src/link.ts'))).ok, false);
    const created = await createFile(join(root, 'src/out/adapter.ts'), 'x', scope, { ifMissing: true });
    assert.ok(!created.ok && created.reason === 'outside-scope');
    assert.equal(existsSync(join(outside, 'dir/adapter.ts')), false);
    assert.equal(checkRelativePath('src/a.ts').ok, true);
    assert.equal(checkRelativePath('../x.ts').ok, false);
    assert.equal(checkRelativePath('/etc/x.ts').ok, false);
    assert.equal(checkRelativePath('C:\\x.ts').ok, false);
  });

  test('createFile never clobbers: ifMissing keeps an existing file, and new files get the default mode', async () => {
    const root = workspace({ 'adapter.ts': 'mine' });
    const scope = await WriteScope.of([root]);
    const kept = await createFile(join(root, 'adapter.ts'), 'theirs', scope, { ifMissing: true });
    assert.deepEqual(kept, { ok: true, path: join(root, 'adapter.ts'), written: false });
    assert.equal(readFileSync(join(root, 'adapter.ts'), 'utf8'), 'mine');
    const fresh = await createFile(join(root, 'sub/new.ts'), 'new', scope, { ifMissing: true });
    assert.ok(fresh.ok && fresh.written);
    assert.equal(readFileSync(join(root, 'sub/new.ts'), 'utf8'), 'new');
    assert.ok(statSync(join(root, 'sub/new.ts')).isFile());
  });

  test('writeOutputFile refuses scanned files and foreign files (unless forced), follows links, replaces own reports', async () => {
    const root = workspace({ 'src/a.ts': 'a', 'notes.txt': 'notes', 'old.json': '{"tool":"bedrock-to-sagemaker"}' });
    const options = { scannedFiles: new Set([join(root, 'src/a.ts')]), force: false, isOwnOutput: (bytes: Buffer) => bytes.includes('bedrock-to-sagemaker') };
    assert.equal((await writeOutputFile(join(root, 'src/a.ts'), 'r', { ...options, force: true })).ok, false);
    assert.equal((await writeOutputFile(join(root, 'notes.txt'), 'r', options)).ok, false);
    assert.equal((await writeOutputFile(join(root, 'notes.txt'), 'r', { ...options, force: true })).ok, true);
    assert.equal((await writeOutputFile(join(root, 'old.json'), 'r2', options)).ok, true);
    symlinkSync('src/a.ts', join(root, 'alias.md'));
    assert.equal((await writeOutputFile(join(root, 'alias.md'), 'r', { ...options, force: true })).ok, false, 'a link to a scanned file');
    assert.equal(readFileSync(join(root, 'src/a.ts'), 'utf8'), 'a');
    const scoped = await writeOutputFile('/tmp/b2s-never-written.md', 'r', { ...options, scope: await WriteScope.of([root]) });
    assert.ok(!scoped.ok && scoped.reason === 'outside-scope');
  });
});

describe('safeWrite edge cases', () => {
  test('a cycle of dangling links ends (no endless recursion) and nothing is written through it', async () => {
    const root = workspace({});
    symlinkSync(join(root, 'b.md'), join(root, 'a.md'));
    symlinkSync(join(root, 'a.md'), join(root, 'b.md'));
    const scope = await WriteScope.of([root]);
    assert.equal((await scope.confine(join(root, 'a.md'))).ok, true);
    const outcome = await writeOutputFile(join(root, 'a.md'), 'r', { scannedFiles: new Set(), force: false, isOwnOutput: () => false });
    assert.equal(outcome.ok, false);
  });
});

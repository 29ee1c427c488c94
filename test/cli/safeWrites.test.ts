// Regression tests for issue #11 (safe writes and hardening), one or more per defect, against the built CLI.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { parseStdout, runCli } from './support/runCli';
import { CONVERSE_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

/** A Converse call (fixed through the adapter) with the given comment line on top. */
const chat = (comment: string, eol = '\n') => `${comment}\n${CONVERSE_TS}`.replace(/\n/g, eol);

interface JsonOutput {
  findings: Array<{ file: string; ruleId: string; fixable: boolean; message: string }>;
  skipped: Array<{ file: string; reason: string; message: string }>;
}

describe('safe writes (issue #11)', { timeout: 180_000 }, () => {
  let cli: string;
  const workspaces: string[] = [];
  const workspace = (files: Record<string, string | Uint8Array>) => {
    const root = createWorkspace(files);
    workspaces.push(root);
    return root;
  };
  const run = (cwd: string, ...args: string[]) => runCli(cli, args, { cwd });

  before(() => {
    cli = buildCli();
  });
  after(() => {
    removeSnapshot(cli);
    for (const root of workspaces) {
      try {
        chmodSync(join(root, 'src', 'locked.ts'), 0o644);
      } catch {
        // only one workspace has it
      }
      removeWorkspace(root);
    }
  });

  describe('1. encodings', () => {
    test('a GBK file is fixed in GBK: every byte outside the edits is unchanged, no U+FFFD', () => {
      const source = chat('// 你好，世界：调用模型 (GBK)');
      const original = iconv.encode(source, 'gbk');
      const root = workspace({ 'src/chat.ts': original });
      const result = run(root, 'scan', 'src', '--fix', '--format', 'json');
      assert.match(result.stderr, /fixed src\/chat\.ts/, result.stderr);
      const written = readFileSync(join(root, 'src/chat.ts'));
      assert.ok(!written.equals(original), 'the file was migrated');
      const text = iconv.decode(written, 'gb18030');
      assert.ok(iconv.encode(text, 'gb18030').equals(written), 'still valid GB18030');
      assert.ok(text.startsWith('// 你好，世界：调用模型 (GBK)\n'), 'the Chinese comment is intact');
      assert.ok(written.subarray(0, Buffer.byteLength('// ') + 4).equals(original.subarray(0, Buffer.byteLength('// ') + 4)));
      assert.ok(!text.includes('\uFFFD'));
      assert.match(text, /client-sagemaker-runtime/);
    });

    test('a Latin-1 file keeps its Latin-1 bytes (é stays one byte 0xE9)', () => {
      const source = chat('// Café résumé — naïve', '\r\n').replace('—', '-');
      const original = Buffer.from(source, 'latin1');
      const root = workspace({ 'src/chat.ts': original });
      run(root, 'scan', 'src', '--fix');
      const written = readFileSync(join(root, 'src/chat.ts'));
      const firstLine = written.subarray(0, written.indexOf(0x0d));
      assert.ok(firstLine.equals(Buffer.from('// Café résumé - naïve', 'latin1')), firstLine.toString('latin1'));
      assert.ok(!written.includes(Buffer.from('\uFFFD', 'utf8')));
      assert.match(written.toString('latin1'), /client-sagemaker-runtime/);
    });
  });

  describe('2. writes outside the scanned tree', () => {
    test('a symlinked file and a symlinked folder pointing out are reported and left alone (exit 4)', () => {
      const outside = workspace({ 'target/chat.ts': chat('// outside'), 'folder/chat.ts': chat('// outside folder') });
      const root = workspace({ 'src/own.ts': chat('// own') });
      symlinkSync(join(outside, 'target/chat.ts'), join(root, 'src/link.ts'));
      symlinkSync(join(outside, 'folder'), join(root, 'src/linked'));
      const result = run(root, 'scan', 'src', '--fix');
      assert.equal(result.status, 4, result.stderr);
      assert.match(result.stderr, /failed src\/link\.ts: not written: it resolves to .*outside the scanned folders/);
      assert.match(result.stderr, /failed src\/linked\/chat\.ts: not written/);
      assert.equal(readFileSync(join(outside, 'target/chat.ts'), 'utf8'), chat('// outside'));
      assert.equal(readFileSync(join(outside, 'folder/chat.ts'), 'utf8'), chat('// outside folder'));
      assert.match(readFileSync(join(root, 'src/own.ts'), 'utf8'), /client-sagemaker-runtime/, 'the other files are still fixed');
      assert.ok(lstatSync(join(root, 'src/link.ts')).isSymbolicLink());
    });

    test('--fix of a folder outside the current one is refused before anything is written; a scan of it is not', () => {
      const project = workspace({ 'src/chat.ts': chat('// another project') });
      const here = workspace({ 'notes.md': '# not a project\n' });
      const fixed = run(here, 'scan', project, '--fix');
      assert.equal(fixed.status, 2, fixed.stderr);
      assert.match(fixed.stderr, /is outside the current folder: --fix writes only inside the folder it runs in/);
      assert.equal(readFileSync(join(project, 'src/chat.ts'), 'utf8'), chat('// another project'));
      assert.equal(existsSync(join(here, 'sagemaker-converse.ts')), false, 'no adapter created for another project\'s files');
      assert.equal(run(here, 'scan', project).status, 1, 'scanning it still reports its findings');
      // Run from the project, the same files migrate, with the adapter inside it.
      const inside = run(project, 'scan', '.', '--fix');
      assert.match(inside.stderr, /fixed src\/chat\.ts/, inside.stderr);
      assert.match(readFileSync(join(project, 'src/chat.ts'), 'utf8'), /from '\.\/sagemaker-converse'/);
      assert.ok(existsSync(join(project, 'src/sagemaker-converse.ts')));
    });

    for (const adapterPath of ['../../escaped-adapter.ts', '/tmp/b2s-absolute-adapter.ts']) {
      test(`adapterPath ${adapterPath} from --config is refused before anything is written`, () => {
        const root = workspace({ 'src/chat.ts': chat('// x'), 'settings.json': JSON.stringify({ adapterPath }) });
        const result = run(root, 'scan', 'src', '--fix', '--config', 'settings.json');
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, /Invalid adapterPath: .*(absolute|leads out of the workspace)/);
        assert.equal(readFileSync(join(root, 'src/chat.ts'), 'utf8'), chat('// x'));
        assert.equal(existsSync(join(root, '..', '..', 'escaped-adapter.ts')), false);
        assert.equal(existsSync('/tmp/b2s-absolute-adapter.ts'), false);
      });
    }
  });

  describe('3. --out never clobbers sources', () => {
    test('report --out on a scanned source file is refused (exit 2) and the file is unchanged', () => {
      const root = workspace({ 'src/chat.ts': chat('// keep me') });
      const result = run(root, 'report', 'src', '--out', 'src/chat.ts');
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Cannot write src\/chat\.ts: not written: it is one of the scanned files/);
      assert.equal(readFileSync(join(root, 'src/chat.ts'), 'utf8'), chat('// keep me'));
      const forced = run(root, 'report', 'src', '--out', 'src/chat.ts', '--force');
      assert.equal(forced.status, 2, '--force never allows a scanned file');
      assert.equal(readFileSync(join(root, 'src/chat.ts'), 'utf8'), chat('// keep me'));
    });

    test('an existing non-report file needs --force; an earlier report is replaced; a link is followed, not replaced', () => {
      const root = workspace({ 'src/chat.ts': chat('// x'), 'notes.txt': 'my notes\n', 'docs/placeholder': '' });
      const refused = run(root, 'report', 'src', '--out', 'notes.txt');
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /not a report written by this tool \(use --force/);
      assert.equal(readFileSync(join(root, 'notes.txt'), 'utf8'), 'my notes\n');
      assert.equal(run(root, 'report', 'src', '--out', 'notes.txt', '--force').status, 1);
      assert.match(readFileSync(join(root, 'notes.txt'), 'utf8'), /^---\ntitle: /);

      assert.equal(run(root, 'report', 'src', '--out', 'report.json', '--format', 'json').status, 1);
      assert.equal(run(root, 'report', 'src', '--out', 'report.json', '--format', 'json').status, 1, 'an earlier report is replaced');

      symlinkSync('docs/real-report.md', join(root, 'link.md'));
      assert.equal(run(root, 'report', 'src', '--out', 'link.md').status, 1);
      assert.ok(lstatSync(join(root, 'link.md')).isSymbolicLink(), 'the link is kept');
      assert.equal(readlinkSync(join(root, 'link.md')), 'docs/real-report.md');
      assert.match(readFileSync(join(root, 'docs/real-report.md'), 'utf8'), /^---\ntitle: /);

      // A hand-written assessment has the same front matter keys as the report, but not its title.
      const assessment = "---\ntitle: 'Our migration plan'\nvalidation_date: '2026-01-01'\ntarget_region: cn-north-1\nfeasibility: LOW\n---\n# Plan\n";
      writeFileSync(join(root, 'plan.md'), assessment);
      assert.equal(run(root, 'report', 'src', '--out', 'plan.md').status, 2);
      assert.equal(readFileSync(join(root, 'plan.md'), 'utf8'), assessment);

      // A report inside the scanned tree is scanned on the next run, and may still be replaced by it.
      assert.equal(run(root, 'report', '.', '--out', 'migration.md', '--no-fail-on-skipped').status, 1);
      const second = run(root, 'report', '.', '--out', 'migration.md', '--no-fail-on-skipped');
      assert.equal(second.status, 1, second.stderr);

      symlinkSync('src/chat.ts', join(root, 'sneaky.md'));
      const sneaky = run(root, 'report', 'src', '--out', 'sneaky.md');
      assert.equal(sneaky.status, 2, 'a link to a scanned file is refused');
      assert.equal(readFileSync(join(root, 'src/chat.ts'), 'utf8'), chat('// x'));
    });
  });

  describe('4. terminal escapes', () => {
    test('file names and string literals are escaped in text output; JSON keeps them exact', () => {
      const evilName = 'evil\u001b]0;pwned\u0007\u202e.ts';
      const region = 'us-east-1\u001b[1A\u001b[2K';
      const root = workspace({
        [`src/${evilName}`]: `const { BedrockRuntimeClient } = require('@aws-sdk/client-bedrock-runtime');\nconst c = new BedrockRuntimeClient({ region: '${region}' });\n`,
        'src/new\nline.ts': "import '@aws-sdk/client-bedrock-runtime';\n",
      });
      const text = run(root, 'scan', 'src');
      assert.equal(text.status, 1, text.stderr);
      assert.match(text.stdout, /region 'us-east-1\\x1b\[1A\\x1b\[2K'/, 'a string literal quoted in a message');
      assert.doesNotMatch(text.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, 'no raw control character');
      assert.match(text.stdout, /src\/evil\\x1b\]0;pwned\\x07\\u202e\.ts:1:\d+/);
      assert.match(text.stdout, /src\/new\\nline\.ts:1:\d+ /, 'a newline in a name does not split the line');
      const json = parseStdout<JsonOutput>(run(root, 'scan', 'src', '--format', 'json'));
      assert.ok(json.findings.some((finding) => finding.file === `src/${evilName}`), 'JSON has the exact name');
      assert.ok(json.findings.some((finding) => finding.file === 'src/new\nline.ts'));
    });

    test('a backslash in a POSIX file name stays in the report link', { skip: process.platform === 'win32' && 'POSIX file names' }, () => {
      const root = workspace({ 'src/a\\b.ts': "import '@aws-sdk/client-bedrock-runtime';\n" });
      const result = run(root, 'report', 'src');
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /\(src\/a%5Cb\.ts#L1\)/);
      assert.doesNotMatch(result.stdout, /src\/a\/b\.ts/);
    });
  });

  describe('6. one bad file does not stop the run', () => {
    test('a read-only file is reported, the others are fixed, exit 4, no internal error', () => {
      const root = workspace({ 'src/a.ts': chat('// a'), 'src/locked.ts': chat('// locked'), 'src/z.ts': chat('// z') });
      chmodSync(join(root, 'src/locked.ts'), 0o444);
      const result = run(root, 'scan', 'src', '--fix');
      assert.equal(result.status, 4, result.stderr);
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
      assert.match(result.stderr, /failed src\/locked\.ts: not written: the file is read-only/);
      assert.match(result.stderr, /1 file\(s\) could not be fixed/);
      assert.equal(readFileSync(join(root, 'src/locked.ts'), 'utf8'), chat('// locked'));
      assert.equal(statSync(join(root, 'src/locked.ts')).mode & 0o777, 0o444);
      for (const name of ['a', 'z']) assert.match(readFileSync(join(root, `src/${name}.ts`), 'utf8'), /client-sagemaker-runtime/);
    });

    test('a rewritten file keeps its mode', () => {
      const root = workspace({ 'src/tool.ts': chat('#!/usr/bin/env node') });
      chmodSync(join(root, 'src/tool.ts'), 0o750);
      run(root, 'scan', 'src', '--fix');
      assert.match(readFileSync(join(root, 'src/tool.ts'), 'utf8'), /client-sagemaker-runtime/);
      assert.equal(statSync(join(root, 'src/tool.ts')).mode & 0o777, 0o750);
    });
  });

  describe('7. skipped files fail CI unless accepted', () => {
    test('a binary source fails the run with 3 in every format; --no-fail-on-skipped accepts it', () => {
      const root = workspace({ 'src/clean.ts': 'export const a = 1;\n', 'src/blob.ts': new Uint8Array([0x47, 0x00, 0x01]) });
      const text = run(root, 'scan', 'src');
      assert.equal(text.status, 3);
      assert.match(text.stdout, /Skipped 1 file\(s\):\n {2}src\/blob\.ts: File skipped: it looks binary/);
      assert.match(text.stderr, /1 file\(s\) could not be analysed .*--no-fail-on-skipped/);
      const json = run(root, 'scan', 'src', '--format', 'json');
      assert.equal(json.status, 3);
      assert.deepEqual(parseStdout<JsonOutput>(json).skipped.map(({ file, reason }) => [file, reason]), [['src/blob.ts', 'binary']]);
      const sarif = run(root, 'scan', 'src', '--format', 'sarif');
      assert.equal(sarif.status, 3);
      assert.match(sarif.stdout, /"toolExecutionNotifications"[\s\S]*"id": "binary"/);
      assert.equal(run(root, 'scan', 'src', '--no-fail-on-skipped').status, 0);
      assert.equal(run(root, 'report', 'src').status, 3);
      assert.equal(run(root, 'report', 'src', '--no-fail-on-skipped').status, 0);
      assert.equal(run(root, 'scan', 'src', '--no-fail-on-skipped', '--fail-on-skipped').status, 3, 'the last flag wins');
    });

    test('a too-large file counts too; an unsupported file named explicitly does not', () => {
      const root = workspace({ 'src/big.ts': `// ${'x'.repeat(3000)}\n`, 'notes.py': 'print(1)\n' });
      assert.equal(run(root, 'scan', 'src', '--max-file-size', '1').status, 3);
      assert.equal(run(root, 'scan', 'notes.py').status, 0);
    });
  });

  describe('8. syntax errors', () => {
    test('--fix says per file that fixes wait until it parses; the finding says so too', () => {
      const broken = chat('// broken').replace('export async function ask(text: string) {', 'export async function ask(text: string {');
      const root = workspace({ 'src/broken.ts': broken });
      const result = run(root, 'scan', 'src', '--fix', '--format', 'json');
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /not fixed src\/broken\.ts: the file has syntax errors; fixes wait until it parses/);
      assert.equal(readFileSync(join(root, 'src/broken.ts'), 'utf8'), broken);
      const findings = parseStdout<JsonOutput>(result).findings;
      assert.ok(findings.every((finding) => !finding.fixable));
      assert.ok(findings.some((finding) => /syntax errors; fixes wait until it parses/.test(finding.message)));
    });
  });

  test('exit codes are documented in --help', () => {
    const root = workspace({});
    mkdirSync(join(root, 'x'), { recursive: true });
    writeFileSync(join(root, 'x', 'a.ts'), '');
    const help = run(root, '--help');
    assert.match(help.stdout, /3 files skipped, 4 --fix could not write some files/);
    assert.match(help.stdout, /--no-fail-on-skipped/);
    assert.match(run(root, 'report', '--help').stdout, /--force/);
  });
});

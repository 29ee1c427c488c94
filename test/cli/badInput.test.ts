import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { textAt } from './support/findingText';
import { parseStdout, runCli } from './support/runCli';
import { BEDROCK_IMPORT_JS, BEDROCK_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

interface Report {
  filesScanned: number;
  findings: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string }>;
  skipped: Array<{ file: string; reason: string; message: string }>;
  notices: Array<{ file: string; reason: string; message: string }>;
}

/** About 5 MB of one-line minified JavaScript that starts with a Bedrock import. */
function minifiedBundle(): string {
  const parts = [BEDROCK_IMPORT_JS.trim()];
  let length = parts[0]!.length;
  for (let i = 0; length < 5 * 1024 * 1024; i++) {
    const part = `function f${i}(a,b){return a+b*${i}||"x${i}"}`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe('bad input', { timeout: 240_000 }, () => {
  let cli: string;
  let workspace: string;
  const scan = (args: string[], uid?: number) =>
    runCli(cli, ['scan', '--format', 'json', ...args], { cwd: workspace, uid, gid: uid, timeoutMs: 180_000 });

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'binary/image.js': Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01, 0x00]),
      'binary/ok.js': BEDROCK_IMPORT_JS,
      'minified/vendor.min.js': minifiedBundle(),
      'encoding/latin1.ts': Buffer.concat([Buffer.from("const caf\u00e9 = '"), Buffer.from([0xe9, 0xff]), Buffer.from(`';\n${BEDROCK_TS}`)]),
      'eol/lf.ts': BEDROCK_TS,
      'eol/crlf-bom.ts': `\uFEFF${BEDROCK_TS.replaceAll('\n', '\r\n')}`,
      'loop/app.ts': BEDROCK_IMPORT_JS,
      'locked/readable.ts': BEDROCK_IMPORT_JS,
      'locked/secret.ts': BEDROCK_IMPORT_JS,
      'locked/vault/inner.ts': BEDROCK_IMPORT_JS,
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('a binary file is skipped with a reason; the rest is still scanned', () => {
    const result = scan(['binary']);
    assert.equal(result.status, 3); // 3: a file was skipped (--fail-on-skipped is the default)
    const report = parseStdout<Report>(result);
    assert.deepEqual(report.skipped.map(({ file, reason }) => [file, reason]), [['binary/image.js', 'binary']]);
    assert.deepEqual([...new Set(report.findings.map((finding) => finding.file))], ['binary/ok.js']);
  });

  test('a 5 MB minified file is skipped quickly by default, with a hint to raise the limit', () => {
    const result = scan(['minified']);
    assert.equal(result.status, 3); // 3: a file was skipped (--fail-on-skipped is the default)
    const report = parseStdout<Report>(result);
    assert.equal(report.skipped[0]?.reason, 'too-large');
    assert.match(report.skipped[0]!.message, /--max-file-size/);
    assert.ok(result.elapsedMs < 30_000, `${result.elapsedMs} ms`);
  });

  test('a 5 MB minified file is analysed in reasonable time when the limit allows it', () => {
    const result = scan(['minified', '--max-file-size', '8192']);
    assert.equal(result.status, 1, result.stderr);
    const report = parseStdout<Report>(result);
    assert.equal(report.filesScanned, 1);
    assert.ok(report.findings.some((finding) => finding.ruleId === 'bedrock/import' && finding.line === 1));
    assert.ok(result.elapsedMs < 120_000, `${result.elapsedMs} ms`);
  });

  test('invalid UTF-8 is decoded with replacement characters, analysed, and noted', () => {
    const result = scan(['encoding']);
    assert.equal(result.status, 1);
    const report = parseStdout<Report>(result);
    assert.deepEqual(report.skipped, []);
    assert.equal(report.notices[0]?.reason, 'invalid-utf8');
    assert.match(report.notices[0]!.message, /not valid UTF-8/);
    const client = report.findings.find((finding) => finding.ruleId === 'bedrock/runtime-client');
    assert.equal(client?.line, 3, 'lines after the bad bytes are still right');
  });

  test('CRLF line ends and a BOM give exactly the columns of the LF file without BOM', () => {
    const report = parseStdout<Report>(scan(['eol']));
    const positions = (file: string) => report.findings.filter((finding) => finding.file === file).map(({ line, column, endLine, endColumn, ruleId }) => ({ line, column, endLine, endColumn, ruleId }));
    assert.equal(positions('eol/lf.ts').length, 4);
    assert.deepEqual(positions('eol/crlf-bom.ts'), positions('eol/lf.ts'));
    const crlfSource = `\uFEFF${BEDROCK_TS.replaceAll('\n', '\r\n')}`;
    const client = positions('eol/crlf-bom.ts').find((finding) => finding.ruleId === 'bedrock/runtime-client')!;
    assert.equal(textAt(crlfSource, client), 'BedrockRuntimeClient', 'the BOM is not counted as a column');
  });

  test('a symbolic-link loop terminates and each file is reported once', { skip: process.platform === 'win32' && 'symlinks need privileges on Windows' }, () => {
    mkdirSync(join(workspace, 'loop', 'sub'));
    symlinkSync('..', join(workspace, 'loop', 'sub', 'up')); // loop/sub/up/sub/up/... forever
    symlinkSync('.', join(workspace, 'loop', 'self'));
    const result = scan(['loop']);
    assert.equal(result.status, 1);
    const report = parseStdout<Report>(result);
    assert.equal(report.filesScanned, 1);
    assert.deepEqual(report.findings.map((finding) => finding.file), ['loop/app.ts']);
  });

  test('unreadable files and folders are skipped with "permission denied"', { skip: process.platform === 'win32' && 'POSIX permissions only' }, () => {
    // Root reads everything, so as root the CLI runs as `nobody`, for whom the permissions are real.
    chmodSync(workspace, 0o755);
    chmodSync(join(workspace, 'locked'), 0o755);
    chmodSync(join(workspace, 'locked', 'readable.ts'), 0o644);
    chmodSync(join(workspace, 'locked', 'secret.ts'), 0o000);
    chmodSync(join(workspace, 'locked', 'vault'), 0o000);
    try {
      const result = scan(['locked'], isRoot ? NOBODY : undefined);
      assert.equal(result.status, 3, result.stderr); // 3: a file was skipped (--fail-on-skipped is the default)
      const report = parseStdout<Report>(result);
      assert.deepEqual(report.skipped.map(({ file, reason }) => [file, reason]), [['locked/secret.ts', 'unreadable'], ['locked/vault', 'unreadable']]);
      for (const skipped of report.skipped) assert.match(skipped.message, /permission denied/);
      assert.deepEqual(report.findings.map((finding) => finding.file), ['locked/readable.ts']);
    } finally {
      chmodSync(join(workspace, 'locked', 'vault'), 0o755); // so the cleanup can delete it
    }
  });
});

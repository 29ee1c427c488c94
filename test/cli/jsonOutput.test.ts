import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PACKAGE_VERSION } from './support/packageVersion';
import { allRules } from '../../server/src/engine/rules';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { textAt } from './support/findingText';
import { parseStdout, runCli, type CliRun } from './support/runCli';
import { BEDROCK_IMPORT_JS, BEDROCK_TS, CLEAN_TS } from './support/samples';
import { cliJsonValidator, describeErrors } from './support/schemas';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

interface JsonFinding {
  file: string; line: number; column: number; endLine: number; endColumn: number;
  ruleId: string; category: string; severity: string; message: string; equivalent: string; fixable: boolean;
}
interface JsonReport {
  tool: string; version: string; targetRegion: string; filesScanned: number;
  findings: JsonFinding[]; skipped: Array<{ file: string; reason: string; message: string }>; notices: Array<{ file: string; reason: string; message: string }>;
}

describe('--format json', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  let fullScan: CliRun;
  const scan = (...args: string[]) => runCli(cli, ['scan', '--format', 'json', ...args], { cwd: workspace });

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'src/app.ts': BEDROCK_TS,
      'src/legacy/client.js': BEDROCK_IMPORT_JS,
      'src/clean.ts': CLEAN_TS,
      'src/logo.ts': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'src/latin1.js': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${BEDROCK_IMPORT_JS}`)]),
    });
    fullScan = scan(); // one run of the whole workspace serves the tests that only read its report
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('prints exactly one JSON object that matches the committed schema', () => {
    const result = fullScan;
    assert.equal(result.status, 3); // 3: a file was skipped (--fail-on-skipped is the default)
    assert.match(result.stderr, /^bedrock-to-sagemaker: 1 file\(s\) could not be analysed/, 'stderr only explains exit code 3');
    const report = parseStdout<JsonReport>(result);
    const validate = cliJsonValidator();
    assert.ok(validate(report), describeErrors(validate));
  });

  test('has the documented fields, in the documented order', () => {
    const report = parseStdout<JsonReport>(fullScan);
    assert.deepEqual(Object.keys(report), ['tool', 'version', 'targetRegion', 'filesScanned', 'findings', 'skipped', 'notices']);
    assert.equal(report.tool, 'bedrock-to-sagemaker');
    assert.equal(report.version, PACKAGE_VERSION);
    assert.equal(report.targetRegion, 'cn-northwest-1');
    assert.equal(report.filesScanned, 4, 'app, client, clean and latin1; the binary logo is skipped');
    for (const finding of report.findings) {
      assert.deepEqual(Object.keys(finding), [
        'file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'category', 'severity', 'message', 'equivalent', 'fixable',
      ]);
    }
  });

  test('findings carry relative forward-slash paths, exact positions and rule metadata', () => {
    const report = parseStdout<JsonReport>(fullScan);
    const files = [...new Set(report.findings.map((finding) => finding.file))];
    assert.deepEqual(files, ['src/app.ts', 'src/latin1.js', 'src/legacy/client.js'], 'walk order: names sorted, depth first');
    const appFindings = report.findings.filter((finding) => finding.file === 'src/app.ts');
    assert.deepEqual(appFindings.map((finding) => finding.ruleId), ['bedrock/import', 'bedrock/runtime-client', 'bedrock/client-region', 'bedrock/invoke-model']);
    const [importFinding, clientFinding, regionFinding, invokeFinding] = appFindings;
    assert.equal(importFinding!.line, 1);
    assert.match(textAt(BEDROCK_TS, importFinding!), /^'?@aws-sdk\/client-bedrock-runtime'?$/);
    assert.equal(textAt(BEDROCK_TS, clientFinding!), 'BedrockRuntimeClient');
    assert.equal(clientFinding!.line, 2);
    assert.match(textAt(BEDROCK_TS, regionFinding!), /us-east-1/);
    assert.equal(invokeFinding!.line, 3);
    assert.match(textAt(BEDROCK_TS, invokeFinding!), /InvokeModelCommand/);
    const ruleIds = new Set(allRules().map((rule) => rule.id));
    for (const finding of report.findings) {
      assert.ok(ruleIds.has(finding.ruleId as never), finding.ruleId);
      assert.ok(finding.message.length > 0 && finding.equivalent.length > 0);
    }
    assert.equal(clientFinding!.equivalent, 'SageMakerRuntimeClient');
    assert.equal(clientFinding!.category, 'has-equivalent');
  });

  test('files that could not be analysed are listed with a reason, caveats as notices', () => {
    const report = parseStdout<JsonReport>(fullScan);
    assert.deepEqual(report.skipped.map(({ file, reason }) => ({ file, reason })), [{ file: 'src/logo.ts', reason: 'binary' }]);
    assert.deepEqual(report.notices.map(({ file, reason }) => ({ file, reason })), [{ file: 'src/latin1.js', reason: 'invalid-utf8' }]);
    assert.match(report.notices[0]!.message, /replaced by U\+FFFD/);
  });

  test('paths stay relative to the working directory when given as absolute paths', () => {
    const report = parseStdout<JsonReport>(scan(`${workspace}/src/legacy`));
    assert.deepEqual(report.findings.map((finding) => finding.file), ['src/legacy/client.js']);
  });

  test('--region changes targetRegion and the messages', () => {
    const north = parseStdout<JsonReport>(scan('--region', 'cn-north-1', 'src/app.ts'));
    const northwest = parseStdout<JsonReport>(scan('--region', 'cn-northwest-1', 'src/app.ts'));
    assert.equal(north.targetRegion, 'cn-north-1');
    assert.equal(northwest.targetRegion, 'cn-northwest-1');
    assert.equal(north.findings.length, northwest.findings.length);
    assert.ok(north.findings.some((finding) => /cn-north-1\b/.test(finding.message)));
    assert.ok(north.findings.every((finding) => !finding.message.includes('cn-northwest-1')));
    assert.ok(northwest.findings.some((finding) => finding.message.includes('cn-northwest-1')));
  });

  test('a clean scan is still one JSON object, with exit code 0', () => {
    const result = scan('src/clean.ts');
    assert.equal(result.status, 0);
    const report = parseStdout<JsonReport>(result);
    assert.deepEqual(report.findings, []);
    assert.equal(report.filesScanned, 1);
  });
});

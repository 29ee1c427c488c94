// package.json files in a scan: bedrock/dependency findings in text, JSON and SARIF (both valid against their
// schemas), in the report, and `scan --fix` adding the SageMaker Runtime client once. Other JSON files and
// installed packages are not read.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type * as Sarif from 'sarif';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { textAt } from './support/findingText';
import { CONVERSE_TS } from './support/samples';
import { parseStdout, runCli } from './support/runCli';
import { describeErrors, cliJsonValidator, sarifValidator } from './support/schemas';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const RUNTIME = '@aws-sdk/client-bedrock-runtime';
const ROOT_PACKAGE = `{\r\n  "name": "svc",\r\n  "dependencies": {\r\n    "${RUNTIME}": "^3.700.0",\r\n    "zod": "^3.23.0"\r\n  }\r\n}\r\n`;
const LIB_PACKAGE = `\uFEFF{\n\t"name": "lib",\n\t"peerDependencies": {\n\t\t"@ai-sdk/amazon-bedrock": "^4.0.0"\n\t}\n}\n`;

/** A Converse call, which --fix migrates (through the adapter) once the endpoints are mapped. */
const chat = CONVERSE_TS;
const ENDPOINTS_CONFIG = JSON.stringify({ endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } });

interface JsonFinding { file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; category: string; fixable: boolean }

describe('package.json in a scan', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  const run = (...args: string[]) => runCli(cli, args, { cwd: workspace });

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'package.json': ROOT_PACKAGE,
      'packages/lib/package.json': LIB_PACKAGE,
      'tsconfig.json': `{"dependencies": {"${RUNTIME}": "1.0.0"}}`,
      'node_modules/some-sdk/package.json': ROOT_PACKAGE,
      'src/clean.ts': 'export const answer = 42;\n',
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('JSON output: one finding per Bedrock dependency, on the package name, valid against the schema', () => {
    const result = run('scan', '--format', 'json');
    assert.equal(result.status, 1);
    const report = parseStdout<{ filesScanned: number; findings: JsonFinding[] }>(result);
    const validate = cliJsonValidator();
    assert.ok(validate(report), describeErrors(validate));
    assert.equal(report.filesScanned, 3, 'two package.json files and one script; not tsconfig.json, not node_modules');
    assert.deepEqual(report.findings.map((finding) => [finding.file, finding.ruleId, finding.line, finding.category, finding.fixable]), [
      // scan --fix changes a package.json only with the code of its package: here no code uses Bedrock.
      ['package.json', 'bedrock/dependency', 4, 'has-equivalent', false],
      ['packages/lib/package.json', 'bedrock/dependency', 4, 'manual', false],
    ]);
    const sources = { 'package.json': ROOT_PACKAGE, 'packages/lib/package.json': LIB_PACKAGE } as Record<string, string>;
    assert.deepEqual(report.findings.map((finding) => textAt(sources[finding.file], finding)), [`"${RUNTIME}"`, '"@ai-sdk/amazon-bedrock"']);
  });

  test('SARIF output: valid, with the rule described and the result located in package.json', () => {
    const result = run('scan', '--format', 'sarif');
    const log = parseStdout<Sarif.Log>(result);
    const validate = sarifValidator();
    assert.ok(validate(log), describeErrors(validate));
    const sarifRun = log.runs[0]!;
    const rule = sarifRun.tool.driver.rules?.find((candidate) => candidate.id === 'bedrock/dependency');
    assert.ok(rule, 'bedrock/dependency is in the driver rules');
    assert.match(rule.helpUri ?? '', /#bedrock-dependency$/);
    const results = (sarifRun.results ?? []).filter((candidate) => candidate.ruleId === 'bedrock/dependency');
    assert.deepEqual(results.map((candidate) => candidate.locations?.[0]?.physicalLocation?.artifactLocation?.uri), ['package.json', 'packages/lib/package.json']);
    assert.deepEqual(results.map((candidate) => candidate.locations?.[0]?.physicalLocation?.region?.startLine), [4, 4]);
  });

  test('text output and the migration report list the package.json findings', () => {
    const text = run('scan');
    assert.match(text.stdout, /package\.json:4:5 warning bedrock\/dependency '@aws-sdk\/client-bedrock-runtime'/);
    const report = run('report', '--format', 'json');
    assert.equal(report.status, 1);
    assert.ok(report.stdout.includes('"bedrock/dependency"'));
    assert.ok(report.stdout.includes('packages/lib/package.json'));
  });

  test('scan --fix trades the Bedrock client for the SageMaker Runtime client once the code is migrated (CRLF kept), and changes nothing the second time', () => {
    const fixWorkspace = createWorkspace({
      'package.json': ROOT_PACKAGE, 'package-lock.json': '{}\n', 'src/chat.ts': chat, 'packages/lib/package.json': LIB_PACKAGE,
      'config.json': ENDPOINTS_CONFIG,
    });
    try {
      const first = runCli(cli, ['scan', '--fix', '--config', 'config.json'], { cwd: fixWorkspace });
      assert.match(first.stdout + first.stderr, /fixed package\.json \(\d+ edits\)/);
      assert.match(first.stderr, /Run npm install to update package-lock\.json\./);
      assert.equal(readFileSync(join(fixWorkspace, 'package.json'), 'utf8'),
        ROOT_PACKAGE.replace(`"${RUNTIME}": "^3.700.0",\r\n`, '"@aws-sdk/client-sagemaker-runtime": "^3.700.0",\r\n'));
      assert.equal(readFileSync(join(fixWorkspace, 'packages/lib/package.json'), 'utf8'), LIB_PACKAGE, 'no code of that package changed: untouched, BOM and all');
      const second = runCli(cli, ['scan', '--fix', '--config', 'config.json'], { cwd: fixWorkspace });
      assert.match(second.stdout + second.stderr, /--fix: 0 edits in 0 files/);
    } finally {
      removeWorkspace(fixWorkspace);
    }
  });

  test('scan --fix keeps the Bedrock client while code of the package still imports it', () => {
    const guard = [
      `import { BedrockRuntimeClient, ApplyGuardrailCommand } from '${RUNTIME}';`,
      'const client = new BedrockRuntimeClient({});',
      "export const check = () => client.send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
      '',
    ].join('\n');
    const fixWorkspace = createWorkspace({ 'package.json': ROOT_PACKAGE, 'src/guard.ts': guard });
    try {
      const result = runCli(cli, ['scan', '--fix', '--format', 'json'], { cwd: fixWorkspace });
      assert.equal(readFileSync(join(fixWorkspace, 'package.json'), 'utf8'), ROOT_PACKAGE);
      const left = parseStdout<{ findings: Array<JsonFinding & { message: string }> }>(result).findings.filter((finding) => finding.file === 'package.json');
      assert.deepEqual(left.map((finding) => finding.fixable), [false]);
      assert.match(left[0]!.message, /no code of this package is migrated/);
    } finally {
      removeWorkspace(fixWorkspace);
    }
  });

  test('scan --fix of part of a package says its package.json, not scanned, lacks what the migrated code imports (exit 1)', () => {
    const fixWorkspace = createWorkspace({
      'package.json': ROOT_PACKAGE, 'src/lib/chat.ts': chat, 'config.json': ENDPOINTS_CONFIG, 'src/lib/config.json': ENDPOINTS_CONFIG,
    });
    const note = /was not scanned, so --fix did not update it, but the code it migrated there imports @aws-sdk\/client-sagemaker-runtime, which it does not list/;
    try {
      // From the package's folder, only src scanned: every finding fixed, yet the project would not install.
      const part = runCli(cli, ['scan', 'src', '--fix', '--config', 'config.json'], { cwd: fixWorkspace });
      assert.match(part.stderr, /fixed src\/lib\/chat\.ts/);
      assert.match(part.stderr, new RegExp(`^package\\.json ${note.source}`, 'm'));
      assert.equal(part.status, 1, part.stderr);
      assert.equal(readFileSync(join(fixWorkspace, 'package.json'), 'utf8'), ROOT_PACKAGE, 'not scanned: not written');
      // From a subfolder: the package.json above is named by its path from there.
      writeFileSync(join(fixWorkspace, 'src/lib/chat.ts'), chat);
      const below = runCli(cli, ['scan', '.', '--fix', '--config', 'config.json'], { cwd: join(fixWorkspace, 'src/lib') });
      assert.match(below.stderr, new RegExp(`^\\.\\./\\.\\./package\\.json ${note.source}`, 'm'));
      // The whole package scanned: package.json updated, nothing to say.
      writeFileSync(join(fixWorkspace, 'src/lib/chat.ts'), chat);
      const whole = runCli(cli, ['scan', '.', '--fix', '--config', 'config.json'], { cwd: fixWorkspace });
      assert.doesNotMatch(whole.stderr, note);
      assert.match(readFileSync(join(fixWorkspace, 'package.json'), 'utf8'), /"@aws-sdk\/client-sagemaker-runtime"/);
      assert.equal(whole.status, 0, whole.stderr);
    } finally {
      removeWorkspace(fixWorkspace);
    }
  });
  test('scan --fix in a monorepo whose root lists the Bedrock client: the root gets the SageMaker Runtime client; from the package, it is named', () => {
    const rootPackage = `{\n  "private": true,\n  "workspaces": ["packages/*"],\n  "dependencies": {\n    "${RUNTIME}": "^3.700.0"\n  }\n}\n`;
    const llmPackage = '{\n  "name": "@mono/llm",\n  "private": true\n}\n';
    const fixWorkspace = createWorkspace({
      'package.json': rootPackage, 'packages/llm/package.json': llmPackage, 'packages/llm/src/chat.ts': chat,
      'config.json': ENDPOINTS_CONFIG, 'packages/llm/config.json': ENDPOINTS_CONFIG,
    });
    try {
      // From the package's folder the root is not scanned: named, not written, exit 1.
      const part = runCli(cli, ['scan', '.', '--fix', '--config', 'config.json'], { cwd: join(fixWorkspace, 'packages/llm') });
      assert.match(part.stderr, /fixed src\/chat\.ts/);
      assert.match(part.stderr, /^\.\.\/\.\.\/package\.json was not scanned, so --fix did not update it, but the code it migrated there imports @aws-sdk\/client-sagemaker-runtime/m);
      assert.equal(part.status, 1, part.stderr);
      assert.equal(readFileSync(join(fixWorkspace, 'package.json'), 'utf8'), rootPackage);
      // From the root: the root trades the clients (no file imports Bedrock Runtime any more); the package's own is untouched.
      writeFileSync(join(fixWorkspace, 'packages/llm/src/chat.ts'), chat);
      const whole = runCli(cli, ['scan', '--fix', '--config', 'config.json'], { cwd: fixWorkspace });
      assert.match(whole.stderr, /fixed package\.json \(1 edits\)/);
      assert.equal(readFileSync(join(fixWorkspace, 'package.json'), 'utf8'), rootPackage.replace(RUNTIME, '@aws-sdk/client-sagemaker-runtime'));
      assert.equal(readFileSync(join(fixWorkspace, 'packages/llm/package.json'), 'utf8'), llmPackage);
      assert.equal(whole.status, 0, whole.stderr);
    } finally {
      removeWorkspace(fixWorkspace);
    }
  });
});

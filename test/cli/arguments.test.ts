import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PACKAGE_VERSION } from './support/packageVersion';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli } from './support/runCli';
import { BEDROCK_TS, CLEAN_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

describe('CLI arguments and exit codes', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  const run = (...args: string[]) => runCli(cli, args, { cwd: workspace });

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'clean/answer.ts': CLEAN_TS,
      'dirty/app.ts': BEDROCK_TS,
      'config/good.json': JSON.stringify({ targetRegion: 'cn-north-1', rules: { 'bedrock/import': 'off' } }),
      'config/broken.json': '{ "endpoints": ',
      'config/array.json': '[]',
      'config/typo.json': JSON.stringify({ endpoint: {} }),
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('exit 0 and a clear message when nothing is found', () => {
    const result = run('scan', 'clean');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No Amazon Bedrock usage found in 1 file/);
    assert.equal(result.stderr, '');
  });

  test('--exit-zero keeps the findings but exits 0; usage errors still exit 2', () => {
    const scan = run('scan', 'dirty', '--exit-zero', '--format', 'json');
    assert.equal(scan.status, 0, scan.stderr);
    assert.ok((JSON.parse(scan.stdout) as { findings: unknown[] }).findings.length > 0);
    const report = run('report', 'dirty', '--exit-zero');
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /^---\n/);
    assert.equal(run('scan', 'dirty', '--exit-zero', '--format', 'xml').status, 2);
  });

  test('exit 0 for a folder with no source files at all', () => {
    const result = run('scan', 'config');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No TypeScript, JavaScript or Markdown files found in "config"\./);
  });

  test('exit 1 when there are findings', () => {
    assert.equal(run('scan', 'dirty').status, 1);
    assert.equal(run('scan').status, 1, 'no path means the current folder');
  });

  test('--help and --version exit 0 and print to stdout', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: bedrock-to-sagemaker scan \[paths\.\.\.\]/);
    for (const flag of ['--format', '--region', '--config', '--max-file-size', '--lang']) assert.ok(help.stdout.includes(flag), flag);
    assert.equal(run('scan', '-h').status, 0);
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), PACKAGE_VERSION);
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['an unknown flag', ['scan', '--bogus'], /Unknown option "--bogus"/],
    ['an unknown short flag', ['scan', '-x'], /Unknown option "-x"/],
    ['a missing path', ['scan', 'does-not-exist'], /Cannot scan does-not-exist: no such file or folder/],
    ['a bad --format', ['scan', '--format', 'xml'], /Invalid value "xml" for --format: expected one of text, json, sarif/],
    ['a --format without value', ['scan', '--format'], /Option "--format" needs a value/],
    ['a bad --region', ['scan', '--region', 'us-east-1'], /Invalid value "us-east-1" for --region/],
    ['a bad --lang', ['scan', '--lang', 'fr'], /Invalid value "fr" for --lang/],
    ['a bad --max-file-size', ['scan', '--max-file-size', '-3'], /for --max-file-size: expected a whole number/],
    ['a zero --max-file-size', ['scan', '--max-file-size=0'], /for --max-file-size/],
    ['a value on a boolean flag', ['--help=yes'], /Option "--help" takes no value/],
    ['no command', [], /Missing command/],
    ['an unknown command', ['fix'], /Unknown command "fix"/],
    ['a missing config file', ['scan', '--config', 'nope.json'], /Cannot read the config file nope\.json \(no such file or folder\)/],
    ['a config that is not JSON', ['scan', '--config', 'config/broken.json'], /config\/broken\.json is not valid JSON/],
    ['a config that is not an object', ['scan', '--config', 'config/array.json'], /must contain a JSON object/],
  ];
  for (const [what, args, message] of usageErrors) {
    test(`exit 2 with a message on stderr for ${what}`, () => {
      const result = run(...args);
      assert.equal(result.status, 2, `${result.stdout}\n${result.stderr}`);
      assert.match(result.stderr, /^bedrock-to-sagemaker: /);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '', 'nothing on stdout, so a JSON consumer never parses half a report');
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a user mistake');
    });
  }

  test('--config applies rules and region; --region wins over the config', () => {
    const fromConfig = run('scan', 'dirty', '--format', 'json', '--config', 'config/good.json');
    const report = JSON.parse(fromConfig.stdout) as { targetRegion: string; findings: Array<{ ruleId: string }> };
    assert.equal(report.targetRegion, 'cn-north-1');
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((finding) => finding.ruleId !== 'bedrock/import'), 'the rule turned off in the config is off');
    const overridden = run('scan', 'dirty', '--format', 'json', '--config', 'config/good.json', '--region', 'cn-northwest-1');
    assert.equal((JSON.parse(overridden.stdout) as { targetRegion: string }).targetRegion, 'cn-northwest-1');
  });

  test('an unknown config key is a warning on stderr, not an error', () => {
    const result = run('scan', 'clean', '--config', 'config/typo.json');
    assert.equal(result.status, 0);
    assert.match(result.stderr, /Ignoring unknown setting "endpoint"/);
  });

  test('--lang zh-cn is accepted for scans and help', () => {
    assert.equal(run('scan', 'dirty', '--lang', 'zh-cn').status, 1);
    assert.equal(run('--help', '--lang', 'zh-cn').status, 0);
  });
});

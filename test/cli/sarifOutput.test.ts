import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { PACKAGE_VERSION } from './support/packageVersion';
import { allRules, ruleDocUrl } from '../../server/src/engine/rules';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { textAt } from './support/findingText';
import { parseStdout, runCli, type CliRun } from './support/runCli';
import { BEDROCK_TS, CLEAN_TS } from './support/samples';
import { describeErrors, sarifValidator } from './support/schemas';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

describe('--format sarif', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  let withFindings: CliRun;
  let log: Sarif.Log;
  let run: Sarif.Run;
  const validate = sarifValidator();

  before(() => {
    cli = buildCli();
    workspace = createWorkspace({
      'src/my app.ts': BEDROCK_TS,
      'src/clean.ts': CLEAN_TS,
      'src/blob.js': new Uint8Array([0, 1, 2, 3]),
    });
    withFindings = runCli(cli, ['scan', '--format', 'sarif'], { cwd: workspace });
    log = parseStdout<Sarif.Log>(withFindings);
    run = log.runs[0]!;
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('is valid against the official SARIF 2.1.0 JSON schema', () => {
    assert.equal(withFindings.status, 3); // 3: a file was skipped (--fail-on-skipped is the default)
    assert.ok(validate(log), describeErrors(validate));
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
  });

  test('the validator is real: it rejects a log with a wrong level and a zero line', () => {
    const broken = structuredClone(log);
    const result = broken.runs[0]!.results![0]!;
    (result as { level: string }).level = 'fatal';
    result.locations![0]!.physicalLocation!.region!.startLine = 0;
    assert.equal(validate(broken), false);
    assert.match(describeErrors(validate), /level/);
    assert.match(describeErrors(validate), /startLine/);
  });

  test('a scan without findings is valid SARIF too, with an empty result list', () => {
    const clean = runCli(cli, ['scan', '--format', 'sarif', 'src/clean.ts'], { cwd: workspace });
    assert.equal(clean.status, 0);
    const cleanLog = parseStdout<Sarif.Log>(clean);
    assert.ok(validate(cleanLog), describeErrors(validate));
    assert.deepEqual(cleanLog.runs[0]!.results, []);
  });

  test('the driver lists every rule with help, the SageMaker equivalent and a default level', () => {
    const driver = run.tool.driver;
    assert.equal(driver.name, 'bedrock-to-sagemaker');
    assert.equal(driver.version, PACKAGE_VERSION);
    assert.ok(driver.informationUri?.startsWith('https://'));
    const rules = driver.rules ?? [];
    assert.deepEqual(rules.map((rule) => rule.id), allRules().map((rule) => rule.id));
    for (const [index, rule] of rules.entries()) {
      const meta = allRules()[index]!;
      assert.equal(rule.shortDescription?.text, meta.title());
      assert.ok(rule.fullDescription?.text.includes(meta.equivalent()), `${rule.id} full description names the equivalent`);
      assert.ok(rule.help?.text.includes(meta.equivalent()));
      assert.equal(rule.helpUri, ruleDocUrl(meta.id));
      const expectedLevel = meta.defaultSeverity === 'error' ? 'error' : meta.defaultSeverity === 'warning' ? 'warning' : 'note';
      assert.equal(rule.defaultConfiguration?.level, expectedLevel);
    }
  });

  test('results point at their rule and at a relative location with an exact region', () => {
    const results = run.results ?? [];
    assert.equal(results.length, 4);
    const rules = run.tool.driver.rules ?? [];
    for (const result of results) {
      assert.equal(rules[result.ruleIndex!]!.id, result.ruleId, 'ruleIndex matches ruleId');
      assert.ok(result.message.text);
      const properties = result.properties as { category: string; equivalent: string; fixable: boolean };
      assert.deepEqual(Object.keys(properties).sort(), ['category', 'equivalent', 'fixable']);
      const location = result.locations![0]!.physicalLocation!;
      assert.equal(location.artifactLocation!.uri, 'src/my%20app.ts', 'relative, percent-encoded');
      assert.equal(location.artifactLocation!.uriBaseId, '%SRCROOT%');
    }
    const client = results.find((result) => result.ruleId === 'bedrock/runtime-client')!;
    assert.equal(client.level, 'error');
    const region = client.locations![0]!.physicalLocation!.region!;
    assert.equal(textAt(BEDROCK_TS, { line: region.startLine!, column: region.startColumn!, endLine: region.endLine!, endColumn: region.endColumn! }), 'BedrockRuntimeClient');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%']?.uri, `${pathToFileURL(workspace).href}/`);
  });

  test('skipped files are reported as tool execution notifications', () => {
    const notifications = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0]!.descriptor?.id, 'binary');
    assert.equal(notifications[0]!.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'src/blob.js');
  });
});

// bedrock/dependency on package.json texts: which entries, where, with what category, equivalent and fixability.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import { analyzePackageJson, isPackageJsonFileName } from '../../server/src/engine/packageJson';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';

const settings = normalizeSettings({});
const RUNTIME = '@aws-sdk/client-bedrock-runtime';
const SAGEMAKER = '@aws-sdk/client-sagemaker-runtime';
const slice = (text: string, finding: Finding) => text.slice(finding.range.start, finding.range.end);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('bedrock/dependency detector', () => {
  test('reports a Bedrock package in each of the four dependency sections, on its key string', () => {
    for (const section of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const text = json({ name: 'x', [section]: { zod: '^3.0.0', [RUNTIME]: '^3.700.0' } });
      const findings = analyzePackageJson(text, settings);
      assert.equal(findings.length, 1, section);
      assert.equal(slice(text, findings[0]), `"${RUNTIME}"`);
      assert.equal(findings[0].ruleId, 'bedrock/dependency');
      assert.equal(findings[0].data.section, section);
    }
  });

  test('the runtime client has an equivalent and is fixable while SageMaker Runtime is missing', () => {
    const [finding] = analyzePackageJson(json({ dependencies: { [RUNTIME]: '^3.700.0' } }), settings);
    assert.deepEqual(
      { category: finding.category, equivalent: finding.equivalent, fixable: finding.fixable, severity: finding.severity },
      { category: 'has-equivalent', equivalent: SAGEMAKER, fixable: true, severity: 'warning' },
    );
    assert.deepEqual(finding.data, { ruleId: 'bedrock/dependency', module: RUNTIME, section: 'dependencies', service: 'runtime' });
    assert.match(finding.message, /cn-northwest-1/);
    assert.ok(finding.message.includes(`Add '${SAGEMAKER}'`));
  });

  test('not fixable once SageMaker Runtime is in the same section or in dependencies; still reported', () => {
    const same = analyzePackageJson(json({ devDependencies: { [RUNTIME]: '3.1.0', [SAGEMAKER]: '3.1.0' } }), settings);
    const main = analyzePackageJson(json({ dependencies: { [SAGEMAKER]: '3.1.0' }, devDependencies: { [RUNTIME]: '3.1.0' } }), settings);
    // SageMaker only in devDependencies does not install it in production: the dependencies entry still needs it.
    const devOnly = analyzePackageJson(json({ dependencies: { [RUNTIME]: '3.1.0' }, devDependencies: { [SAGEMAKER]: '3.1.0' } }), settings);
    assert.deepEqual([same, main, devOnly].map((findings) => findings.map((finding) => finding.fixable)), [[false], [false], [true]]);
    assert.ok(same[0].message.includes('already listed'));
  });

  test('other Bedrock services have no equivalent; wrappers are manual; neither is fixable', () => {
    const text = json({
      dependencies: {
        '@aws-sdk/client-bedrock-agent-runtime': '3.1.0', '@aws-sdk/client-bedrock': '3.1.0', '@ai-sdk/amazon-bedrock': '4.0.0',
        '@langchain/aws': '1.0.0', '@llamaindex/aws': '0.1.0',
      },
    });
    const findings = analyzePackageJson(text, settings);
    assert.deepEqual(findings.map((finding) => [finding.data.module, finding.category, finding.fixable]), [
      ['@aws-sdk/client-bedrock-agent-runtime', 'no-equivalent', false],
      ['@aws-sdk/client-bedrock', 'no-equivalent', false],
      ['@ai-sdk/amazon-bedrock', 'manual', false],
      ['@langchain/aws', 'manual', false],
      ['@llamaindex/aws', 'manual', false],
    ]);
    assert.match(findings[0].equivalent, /orchestration/);
    assert.match(findings[1].equivalent, /@aws-sdk\/client-sagemaker/);
    assert.equal(findings[3].data.library, 'langchain');
  });

  test('general-purpose and look-alike packages are not reported; nor are other sections, names in values, nested objects', () => {
    const text = json({
      name: RUNTIME, description: RUNTIME, scripts: { [RUNTIME]: 'x' }, overrides: { [RUNTIME]: '3.1.0' },
      bundleDependencies: [RUNTIME], workspaces: { dependencies: { [RUNTIME]: '1' } },
      dependencies: { 'aws-sdk': '2.0.0', openai: '6.0.0', '@langchain/community': '0.3.0', [`${RUNTIME}-fork`]: '1.0.0', [SAGEMAKER]: '3.1.0', lib: RUNTIME },
    });
    assert.deepEqual(analyzePackageJson(text, settings), []);
  });

  test('malformed JSON, a non-object root, non-object sections and odd values give no finding and never throw', () => {
    for (const text of ['', '{', '[]', '"x"', 'null', `{"dependencies": {"${RUNTIME}": "1",}}`, `{"dependencies": {"${RUNTIME}": "1"} // c\n}`,
      `{"dependencies": ["${RUNTIME}"]}`, `{"dependencies": "${RUNTIME}"}`, `{"dependencies": {"${RUNTIME}": }}`]) {
      assert.deepEqual(analyzePackageJson(text, settings), [], JSON.stringify(text));
    }
    // A non-string version is still a listed package.
    assert.equal(analyzePackageJson(`{"dependencies": {"${RUNTIME}": 3}}`, settings).length, 1);
  });

  test('never throws on arbitrary text or JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      analyzePackageJson(text, settings);
      analyzePackageJson(`{"dependencies": ${text}}`, settings);
    }), { numRuns: 300 });
  });

  test('offsets count a leading BOM, and the rule follows the severity setting', () => {
    const text = `\uFEFF${json({ dependencies: { [RUNTIME]: '1.0.0' } })}`;
    const [finding] = analyzePackageJson(text, normalizeSettings({ rules: { 'bedrock/dependency': 'error' } }));
    assert.equal(slice(text, finding), `"${RUNTIME}"`);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(analyzePackageJson(text, normalizeSettings({ rules: { 'bedrock/dependency': 'off' } })), []);
  });

  test('analyze() reads JSON only as a file named package.json', () => {
    const text = json({ dependencies: { [RUNTIME]: '1.0.0' } });
    const run = (fileName: string | undefined) => analyze({ text, languageId: 'json', settings, fileName }).findings.length;
    assert.deepEqual([run('package.json'), run('packages/a/package.json'), run('C:\\app\\package.json'), run('tsconfig.json'),
      run('package.json.bak'), run('my-package.json'), run('Package.json'), run(undefined)], [1, 1, 1, 0, 0, 0, 0, 0]);
    assert.equal(analyze({ text, languageId: 'typescript', settings, fileName: 'package.json' }).findings.length, 0);
    assert.equal(isPackageJsonFileName('a/b/package.json'), true);
  });
});

// The feasibility rules of docs/report.md ("Feasibility"), one case per rule and per boundary.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildReport } from '../../server/src/report';
import type { Category, LanguageId, RuleId } from '../../server/src/engine/types';
import type { FileResult, LocatedFinding, ReportOptions, ReportSkipReason } from '../../server/src/report';

const OPTIONS: ReportOptions = {
  workspaceName: 'demo', folders: [{ name: 'demo', root: '/ws/demo' }], targetRegion: 'cn-northwest-1', locale: 'en', date: '2026-11-25',
};

function finding(ruleId: RuleId, category: Category, fixable: boolean, line = 0): LocatedFinding {
  return {
    ruleId, category, fixable, severity: 'error', message: `${ruleId} found`, equivalent: 'InvokeEndpoint',
    start: { line, character: 0 }, end: { line, character: 5 },
  };
}

function file(path: string, findings: LocatedFinding[], languageId: LanguageId = 'typescript'): FileResult {
  return { folder: 'demo', path, languageId, findings };
}

function skipped(path: string, reason: ReportSkipReason): FileResult {
  return { folder: 'demo', path, findings: [], skipped: { reason } };
}

const level = (...files: FileResult[]) => buildReport(OPTIONS, files).feasibility;

describe('feasibility', () => {
  test('HIGH with "nothing found" when no file has a finding', () => {
    assert.deepEqual(level(file('src/a.ts', [])), { level: 'HIGH', reasons: [{ kind: 'nothing-found' }] });
  });

  test('HIGH when every finding is auto-fixable', () => {
    const result = level(file('src/a.ts', [finding('bedrock/import', 'has-equivalent', true), finding('bedrock/invoke-model', 'has-equivalent', true, 3)]));
    assert.deepEqual(result, { level: 'HIGH', reasons: [{ kind: 'all-auto-fixable', findings: 2 }] });
  });

  test('MEDIUM when an equivalent exists but a finding is not auto-fixable', () => {
    const result = level(file('src/a.ts', [finding('bedrock/import', 'has-equivalent', true), finding('bedrock/arn', 'manual', false)]));
    assert.deepEqual(result, { level: 'MEDIUM', reasons: [{ kind: 'manual-steps', findings: 1 }] });
  });

  test('a has-equivalent finding without a fix counts as manual', () => {
    assert.equal(level(file('src/a.ts', [finding('bedrock/converse', 'has-equivalent', false)])).level, 'MEDIUM');
  });

  test('LOW when runtime code uses a feature without an equivalent', () => {
    const result = level(
      file('src/guard.ts', [finding('bedrock/guardrail', 'no-equivalent', false), finding('bedrock/arn', 'manual', false, 2)]),
      file('src/kb.js', [finding('bedrock/knowledge-base', 'no-equivalent', false)], 'javascript'),
    );
    assert.deepEqual(result, {
      level: 'LOW',
      reasons: [
        { kind: 'core-no-equivalent', findings: 2, files: 2, rules: ['bedrock/guardrail', 'bedrock/knowledge-base'] },
        { kind: 'manual-steps', findings: 1 },
      ],
    });
  });

  test('"no equivalent" wins over fixable: an edit cannot create a missing service', () => {
    assert.equal(level(file('src/a.ts', [finding('bedrock/count-tokens', 'no-equivalent', true)])).level, 'LOW');
  });

  for (const path of ['test/guard.ts', 'src/__tests__/guard.ts', 'src/guard.test.ts', 'src/guard.spec.mjs', 'fixtures/guard.ts']) {
    test(`MEDIUM, not LOW, when the missing feature is only in tests (${path})`, () => {
      const result = level(file(path, [finding('bedrock/guardrail', 'no-equivalent', false)]));
      assert.deepEqual(result, { level: 'MEDIUM', reasons: [{ kind: 'no-equivalent-outside-runtime', findings: 1 }] });
    });
  }

  test('a package.json dependency without an equivalent is a core dependency, except in devDependencies or a test folder', () => {
    const dependency = (section: string) => ({ ...finding('bedrock/dependency', 'no-equivalent', false), data: { section, service: 'agent-runtime' } });
    assert.deepEqual(level(file('package.json', [dependency('dependencies')], 'json')), {
      level: 'LOW', reasons: [{ kind: 'core-no-equivalent', findings: 1, files: 1, rules: ['bedrock/dependency'] }],
    });
    assert.equal(level(file('packages/a/package.json', [dependency('peerDependencies')], 'json')).level, 'LOW');
    assert.deepEqual(level(file('package.json', [dependency('devDependencies')], 'json')), {
      level: 'MEDIUM', reasons: [{ kind: 'no-equivalent-outside-runtime', findings: 1 }],
    });
    assert.equal(level(file('test/fixtures/app/package.json', [dependency('dependencies')], 'json')).level, 'MEDIUM');
  });

  test('MEDIUM, not LOW, when the missing feature is only in Markdown documents', () => {
    const result = level(file('docs/guide.md', [finding('bedrock/guardrail', 'no-equivalent', false)], 'markdown'));
    assert.equal(result.level, 'MEDIUM');
  });

  for (const reason of ['too-large', 'too-complex', 'unreadable'] as const) {
    test(`a file skipped as ${reason} caps the level at MEDIUM`, () => {
      const result = level(file('src/a.ts', [finding('bedrock/import', 'has-equivalent', true)]), skipped('src/huge.js', reason));
      assert.deepEqual(result, { level: 'MEDIUM', reasons: [{ kind: 'unverified-files', files: 1 }] });
    });
  }

  for (const reason of ['binary', 'not-a-file', 'unsupported-language'] as const) {
    test(`a file skipped as ${reason} does not change the level`, () => {
      assert.deepEqual(level(skipped('assets/logo.js', reason)), { level: 'HIGH', reasons: [{ kind: 'nothing-found' }] });
    });
  }
});

describe('totals', () => {
  test('buckets add up to the number of findings', () => {
    const model = buildReport(OPTIONS, [
      file('src/a.ts', [finding('bedrock/import', 'has-equivalent', true), finding('bedrock/arn', 'manual', false, 1)]),
      file('src/b.ts', [finding('bedrock/guardrail', 'no-equivalent', false), finding('bedrock/converse', 'has-equivalent', false, 4)]),
      file('src/c.ts', []),
    ]);
    assert.deepEqual(model.totals, { autoFixable: 1, manual: 2, noEquivalent: 1, total: 4 });
    assert.equal(model.filesScanned, 3);
    assert.deepEqual(model.files.map((section) => section.path), ['src/a.ts', 'src/b.ts']);
  });

  test('one rule in two buckets gets two summary rows, hardest first', () => {
    const model = buildReport(OPTIONS, [file('src/a.ts', [finding('bedrock/model-id', 'has-equivalent', true), finding('bedrock/model-id', 'no-equivalent', false, 2)])]);
    assert.deepEqual(model.rules.map((rule) => [rule.ruleId, rule.bucket, rule.findings]), [
      ['bedrock/model-id', 'no-equivalent', 1],
      ['bedrock/model-id', 'auto-fixable', 1],
    ]);
  });
});

describe('services', () => {
  test('Bedrock services are unavailable, their replacements available, core when runtime code uses them', () => {
    const model = buildReport(OPTIONS, [
      file('src/a.ts', [finding('bedrock/converse', 'has-equivalent', true)]),
      file('docs/kb.md', [finding('bedrock/knowledge-base', 'no-equivalent', false)], 'markdown'),
    ]);
    assert.deepEqual(model.services.unavailable, [
      { id: 'bedrock-converse', findings: 1, core: true },
      { id: 'bedrock-knowledge-bases', findings: 1, core: false },
    ]);
    assert.deepEqual(model.services.available.map((use) => use.id), ['sagemaker-runtime', 'opensearch']);
  });

  test('imports take the service of their package', () => {
    const model = buildReport(OPTIONS, [file('src/a.ts', [{ ...finding('bedrock/import', 'no-equivalent', false), data: { service: 'agent-runtime' } }])]);
    assert.deepEqual(model.services.unavailable.map((use) => use.id), ['bedrock-agents']);
  });

  test('assessment findings name no service', () => {
    const model = buildReport(OPTIONS, [file('docs/a.md', [finding('assessment/date', 'manual', false)], 'markdown')]);
    assert.deepEqual(model.services, { available: [], unavailable: [] });
  });
});

// The per-document record behind "unchanged" diagnostic reports (diagnosticReports.ts) and the comparison it uses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticReports, sameDiagnostics } from '../../server/src/lsp/diagnosticReports';
import { sameJson } from '../../server/src/lsp/sameJson';

function diagnostic(line: number, message = 'm', data: Record<string, unknown> = { ruleId: 'bedrock/import', fixable: true }): Diagnostic {
  return { range: { start: { line, character: 1 }, end: { line, character: 4 } }, severity: 2, source: 's', code: 'bedrock/import', message, data };
}

describe('sameJson: equal exactly when JSON.stringify would write the same value (any key order)', () => {
  const cases: Array<[unknown, unknown]> = [
    [{ a: 1, b: 'x' }, { b: 'x', a: 1 }],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ a: [1, 'x', null] }, { a: [1, 'x', null] }],
    [{ a: { b: [true] } }, { a: { b: [false] } }],
    [{ a: 1 }, { a: '1' }],
    [{ a: [] }, { a: {} }],
    [{ a: null }, {}],
    [[1, 2], [1, 2, 3]],
    [{ a: 1 }, { a: 1, c: 0 }],
  ];
  for (const [a, b] of cases) {
    test(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`, () => {
      const expected = JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
      assert.equal(sameJson(a, b), expected);
      assert.equal(sameJson(b, a), expected);
    });
  }
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => [key, sortKeys(item)]));
}

describe('DiagnosticReports', () => {
  test('identical diagnostics of a new version keep the result id; any difference gets a new one, never an older one', () => {
    const reports = new DiagnosticReports();
    const first = reports.record('u', 1, 'env', [diagnostic(3), diagnostic(9)]);
    assert.equal(reports.record('u', 2, 'env', [diagnostic(3), diagnostic(9)]), first);
    const moved = reports.record('u', 3, 'env', [diagnostic(3), diagnostic(10)]);
    assert.notEqual(moved, first);
    const back = reports.record('u', 4, 'env', [diagnostic(3), diagnostic(9)]);
    assert.ok(back !== first && back !== moved, 'a content that comes back gets a new id: the first id may be held by a client for other content');
    assert.notEqual(reports.record('u', 5, 'env', [diagnostic(3), diagnostic(9, 'other')]), back);
    assert.notEqual(reports.record('u', 6, 'other env', [diagnostic(3), diagnostic(9, 'other')]), back);
  });

  test('the same-version shortcut needs the same version, environment and id', () => {
    const reports = new DiagnosticReports();
    const id = reports.record('u', 1, 'env', [diagnostic(3)]);
    assert.equal(reports.answeredFor('u', 1, 'env', id), true);
    assert.equal(reports.answeredFor('u', 2, 'env', id), false);
    assert.equal(reports.answeredFor('u', 1, 'other', id), false);
    assert.equal(reports.answeredFor('u', 1, 'env', undefined), false);
    assert.equal(reports.answeredFor('v', 1, 'env', id), false);
  });

  test('forget drops the document\'s record (closing it leaks nothing)', () => {
    const reports = new DiagnosticReports();
    const id = reports.record('u', 1, 'env', [diagnostic(3)]);
    reports.record('v', 1, 'env', []);
    reports.forget('u');
    assert.equal(reports.size, 1);
    assert.equal(reports.answeredFor('u', 1, 'env', id), false);
    assert.notEqual(reports.record('u', 1, 'env', [diagnostic(3)]), id);
  });

  test('sameDiagnostics compares every field, data included', () => {
    assert.ok(sameDiagnostics([diagnostic(1)], [diagnostic(1)]));
    assert.ok(!sameDiagnostics([diagnostic(1)], [diagnostic(1), diagnostic(2)]));
    assert.ok(!sameDiagnostics([diagnostic(1)], [{ ...diagnostic(1), severity: 1 }]));
    assert.ok(!sameDiagnostics([diagnostic(1)], [diagnostic(1, 'm', { ruleId: 'bedrock/import', fixable: false })]));
    assert.ok(!sameDiagnostics([diagnostic(1)], [{ ...diagnostic(1), tags: [1] }]));
  });
});

// analyze() returns findings sorted by position (analyze.ts): the script's findings taken as they are when already in
// order and without migration TODOs (no copy, no sort per keystroke), merged with the TODOs and sorted otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, DEFAULT_LIMITS } from '../../server/src/engine/analyze';
import { compareFindings } from '../../server/src/engine/finding';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { AnalyzeInput, Finding } from '../../server/src/engine/types';
import { generateMigratableFile } from '../helpers/migratableFile';

const TEXT = generateMigratableFile(100);
const input = (text: string): AnalyzeInput => ({ text, languageId: 'typescript', settings: DEFAULT_SETTINGS, fileName: 'a.ts' });
const sorted = (findings: readonly Finding[]) => [...findings].sort(compareFindings);

test('script findings in order and no TODOs: the same array; out of order: sorted; with TODOs: merged in position order', () => {
  const fresh = analyze(input(TEXT)).findings;
  assert.ok(fresh.length >= 3);
  assert.deepEqual(fresh, sorted(fresh));
  let returned: Finding[] = [];
  const inOrder = analyze(input(TEXT), DEFAULT_LIMITS, () => (returned = [...fresh])).findings;
  assert.equal(inOrder, returned, 'taken as it is');
  const reversed = analyze(input(TEXT), DEFAULT_LIMITS, () => [...fresh].reverse()).findings;
  assert.deepEqual(reversed, fresh, 'sorted by position');
  const todo = '// TODO(bedrock-to-sagemaker): check the endpoint name.\n';
  const withTodo = `${TEXT}\n${todo}`;
  const scriptOnly = analyze(input(withTodo), DEFAULT_LIMITS, undefined, { migrationTodos: false }).findings;
  const merged = analyze(input(`${todo}${withTodo}`)).findings;
  assert.deepEqual(merged.map((finding) => finding.ruleId).filter((ruleId) => ruleId === 'bedrock/migration-todo').length, 2);
  assert.deepEqual(merged, sorted(merged), 'a TODO at the top and one at the end, each in its place');
  assert.ok(merged.length === scriptOnly.length + 2);
});

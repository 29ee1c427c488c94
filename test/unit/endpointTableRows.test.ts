// The SAGEMAKER_ENDPOINTS lookup table gets a row for every model id a migrated call can receive, however the calls
// are migrated: all at once (golden fixture converse-and-invoke-model-table), or one quick fix after the other in the
// editor, each finding the table the previous one wrote.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll, fixesForFinding } from '../../server/src/engine/fixes';
import type { FixInput } from '../../server/src/engine/fixes';
import { sageMakerEndpointFor, type SageMakerEndpointTable } from '../../server/src/engine/fixes/templates/sagemaker-converse';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { RuleId } from '../../server/src/engine/types';
import { loadCases } from './fixes-cases';

const CONVERSE_IDS = ['meta.llama3-1-8b-instruct-v1:0', 'meta.llama3-1-70b-instruct-v1:0'];
const INVOKE_IDS = ['meta.llama3-70b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0'];
const SETTINGS = normalizeSettings({ endpoints: { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama3-8b', container: 'lmi' } } });

// The two calls of the golden fixture, each in a file of its own making: the user adds the second call (with its
// Bedrock import and client) to the file the first quick fix migrated.
const CALLS: Record<'converse' | 'invoke', { rule: RuleId; imports: string; client: string; code: string }> = {
  converse: {
    rule: 'bedrock/converse',
    imports: 'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
    client: 'const chatClient = new BedrockRuntimeClient({ region: "us-east-1" });',
    code: [
      'export async function chat(text: string, fast: boolean): Promise<string | undefined> {',
      '  const response = await chatClient.send(new ConverseCommand({',
      '    modelId: fast ? "meta.llama3-1-8b-instruct-v1:0" : "meta.llama3-1-70b-instruct-v1:0",',
      '    messages: [{ role: "user", content: [{ text }] }],',
      '  }));',
      '  return response.output?.message?.content?.[0]?.text;',
      '}',
    ].join('\n'),
  },
  invoke: {
    rule: 'bedrock/invoke-model',
    imports: 'import { BedrockRuntimeClient as InvokeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";',
    client: 'const invokeClient = new InvokeClient({ region: "us-east-1" });',
    code: [
      'export async function ask(question: string, big: boolean): Promise<string> {',
      '  const response = await invokeClient.send(new InvokeModelCommand({',
      '    modelId: big ? "meta.llama3-70b-instruct-v1:0" : "meta.llama3-8b-instruct-v1:0",',
      '    body: JSON.stringify({ prompt: question, max_gen_len: 128 }),',
      '  }));',
      '  return JSON.parse(new TextDecoder().decode(response.body)).generation;',
      '}',
    ].join('\n'),
  },
};

const inputOf = (text: string, settings = SETTINGS): FixInput => ({ text, languageId: 'typescript', fileName: 'app.ts', workspaceRelativePath: 'src/app.ts', settings });

/** Applies the preferred quick fix the editor offers for the first finding of `rule`. */
function applyQuickFix(text: string, rule: RuleId, settings = SETTINGS): string {
  const input = inputOf(text, settings);
  const finding = analyze(input).findings.find((candidate) => candidate.ruleId === rule);
  assert.ok(finding, `no ${rule} finding in:\n${text}`);
  const fix = fixesForFinding(input, finding).find((proposal) => proposal.isPreferred);
  assert.ok(fix, `no preferred fix for ${rule}`);
  return applyEdits(text, fix.edits);
}

/** Adds a call (its import first, its client and function last) to a file. */
function withCall(text: string, call: (typeof CALLS)['converse']): string {
  return `${call.imports}\n${text}\n${call.client}\n\n${call.code}\n`;
}

/** The table's rows as written (key → endpoint), failing on a duplicate key, a non-literal entry or a syntax error. */
function tableOf(text: string): { rows: string[]; table: SageMakerEndpointTable } {
  const sourceFile = ts.createSourceFile('app.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  assert.deepEqual((sourceFile as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((diagnostic) => diagnostic.messageText), [], text);
  const tables = sourceFile.statements.filter(ts.isVariableStatement).flatMap((statement) => statement.declarationList.declarations)
    .filter((declaration) => declaration.name.getText(sourceFile) === 'SAGEMAKER_ENDPOINTS');
  assert.equal(tables.length, 1, `one table:\n${text}`);
  const object = tables[0].initializer;
  assert.ok(object && ts.isObjectLiteralExpression(object));
  const rows: string[] = [];
  const table: Record<string, { EndpointName: string }> = {};
  for (const property of object.properties) {
    assert.ok(ts.isPropertyAssignment(property) && ts.isStringLiteral(property.name) && ts.isObjectLiteralExpression(property.initializer));
    const endpoint = property.initializer.properties.find((entry) => entry.name?.getText(sourceFile) === 'EndpointName');
    assert.ok(endpoint && ts.isPropertyAssignment(endpoint) && ts.isStringLiteral(endpoint.initializer));
    rows.push(property.name.text);
    table[property.name.text] = { EndpointName: endpoint.initializer.text };
  }
  assert.equal(new Set(rows).size, rows.length, `a duplicated row:\n${text}`);
  return { rows, table };
}

/** Every id both calls can send resolves in the table (mapped, or to its placeholder), as it will at run time. */
function assertEveryIdResolves(text: string): void {
  const { rows, table } = tableOf(text);
  assert.deepEqual([...rows].sort(), [...CONVERSE_IDS, ...INVOKE_IDS].sort(), text);
  for (const modelId of [...CONVERSE_IDS, ...INVOKE_IDS]) {
    const expected = modelId === 'meta.llama3-8b-instruct-v1:0' ? 'llama3-8b' : `TODO-endpoint-for-${modelId}`;
    assert.equal(sageMakerEndpointFor(table, modelId).EndpointName, expected, modelId);
  }
  assert.ok(!text.includes('@aws-sdk/client-bedrock-runtime'), `a Bedrock import is left:\n${text}`);
}

describe('the endpoint lookup table gets the rows of every migrated call', () => {
  test('fix-all of a file with both calls (the golden fixture)', () => {
    const fixture = loadCases().find((candidate) => candidate.name === 'converse-and-invoke-model-table')!;
    const proposal = fixAll(fixture.fixInput, analyze(fixture.fixInput).findings);
    assert.ok(proposal);
    assertEveryIdResolves(applyEdits(fixture.input, proposal.edits));
  });

  for (const [first, second] of [['converse', 'invoke'], ['invoke', 'converse']] as const) {
    test(`the ${first} quick fix, then the ${second} one on the call added after it`, () => {
      const migratedFirst = applyQuickFix(withCall('', CALLS[first]), CALLS[first].rule);
      assert.equal(tableOf(migratedFirst).rows.length, first === 'converse' ? 3 : 2, migratedFirst);
      const migrated = applyQuickFix(withCall(migratedFirst, CALLS[second]), CALLS[second].rule);
      assertEveryIdResolves(migrated);
      // Nothing is left to migrate, and a second run adds no row.
      assert.equal(fixAll(inputOf(migrated), analyze(inputOf(migrated)).findings), undefined);
    });
  }

  for (const first of ['converse', 'invoke'] as const) {
    test(`with both calls in the file, the ${first} quick fix migrates the file with every row`, () => {
      const text = withCall(withCall('', CALLS.invoke), CALLS.converse);
      const migrated = applyQuickFix(text, CALLS[first].rule);
      assertEveryIdResolves(migrated);
      assert.ok(!analyze(inputOf(migrated)).findings.some((finding) => finding.ruleId === CALLS.converse.rule || finding.ruleId === CALLS.invoke.rule));
    });
  }

  test("an added row's \"Use endpoint\" quick fix fills it in once its id is mapped", () => {
    const migrated = applyQuickFix(withCall(applyQuickFix(withCall('', CALLS.converse), CALLS.converse.rule), CALLS.invoke), CALLS.invoke.rule);
    const mapped = normalizeSettings({ endpoints: { ...SETTINGS.endpoints, 'meta.llama3-70b-instruct-v1:0': { endpointName: 'llama3-70b', container: 'lmi' } } });
    const input = inputOf(migrated, mapped);
    const placeholder = analyze(input).findings.find((finding) => finding.data.placeholderFor === 'meta.llama3-70b-instruct-v1:0');
    assert.ok(placeholder);
    const [fix] = fixesForFinding(input, placeholder);
    assert.equal(fix.title, "Use endpoint 'llama3-70b'");
    const used = applyEdits(migrated, fix.edits);
    assert.equal(sageMakerEndpointFor(tableOf(used).table, 'meta.llama3-70b-instruct-v1:0').EndpointName, 'llama3-70b');
    assert.ok(!used.includes("serves 'meta.llama3-70b-instruct-v1:0'"), 'its TODO comment goes with it');
  });

  /** A file that has a table (written as `table`) and a Bedrock InvokeModel call to migrate. */
  const halfMigrated = (table: string) => withCall(`${table}\n`, CALLS.invoke);

  for (const [shape, table] of [
    ['on one line', 'const SAGEMAKER_ENDPOINTS = { "meta.llama3-1-8b-instruct-v1:0": { EndpointName: "a" } };'],
    ['empty', 'const SAGEMAKER_ENDPOINTS = {};'],
    ['empty over two lines', 'const SAGEMAKER_ENDPOINTS = {\n};'],
    ['without a trailing comma, under `as const`', 'const SAGEMAKER_ENDPOINTS = {\n    "meta.llama3-1-8b-instruct-v1:0": { EndpointName: "a" }\n} as const;'],
  ]) {
    test(`a table of the file ${shape} gets the rows it lacks, once`, () => {
      const migrated = applyQuickFix(halfMigrated(table), CALLS.invoke.rule);
      const { rows, table: resolved } = tableOf(migrated.replace(' as const', ''));
      for (const modelId of INVOKE_IDS) assert.doesNotThrow(() => sageMakerEndpointFor(resolved, modelId), migrated);
      assert.equal(rows.filter((row) => row === 'meta.llama3-8b-instruct-v1:0').length, 1);
      assert.ok(!/\n[ \t]+\n/.test(migrated), `no blank indented line:\n${migrated}`);
      if (shape.includes('trailing comma')) assert.match(migrated, /\n {4}"meta\.llama3-1-8b-instruct-v1:0": \{ EndpointName: "a" \},\n {4}"meta\.llama3-70b-instruct-v1:0": /);
      assert.equal(fixAll(inputOf(migrated), analyze(inputOf(migrated)).findings), undefined, 'nothing left to migrate');
    });
  }

  for (const [shape, declaration] of [
    ['imported from another module', 'import { SAGEMAKER_ENDPOINTS } from "./endpoints.js";'],
    ['built with a spread', 'const SAGEMAKER_ENDPOINTS = { ...SHARED_ENDPOINTS };'],
  ]) {
    test(`a table ${shape} is not edited: a TODO above the call names the ids it must map`, () => {
      const text = halfMigrated(declaration);
      const migrated = applyQuickFix(text, CALLS.invoke.rule);
      assert.ok(migrated.includes(declaration), migrated);
      assert.equal(migrated.split('SAGEMAKER_ENDPOINTS = ').length, text.split('SAGEMAKER_ENDPOINTS = ').length, 'no table declared');
      const todo = "// TODO(bedrock-to-sagemaker): SAGEMAKER_ENDPOINTS is declared in another module or built at run time, so no rows are added to it: check that it maps 'meta.llama3-70b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0'.";
      assert.ok(migrated.includes(`\n  ${todo}\n`), migrated);
    });
  }
});

// Issue #12: placeholder endpoint names written by earlier fixes are fixable once their model id is mapped, and
// `fixable` is exact: fix-all removes precisely the findings marked fixable (the placeholder and its own TODO).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll, fixesForFinding, refineFixability } from '../../server/src/engine/fixes';
import type { FixInput } from '../../server/src/engine/fixes';
import { normalizeSettings } from '../../server/src/engine/settings';
import { loadCases } from './fixes-cases';

const CASES = ['placeholder-endpoint', 'placeholder-endpoint-component', 'placeholder-endpoint-table', 'placeholder-endpoint-unmapped'];

const messages = (input: FixInput) => refineFixability(input, analyze(input).findings)
  .filter((finding) => finding.ruleId === 'bedrock/migration-todo');

describe('placeholder endpoint names', () => {
  for (const fixture of loadCases().filter((candidate) => CASES.includes(candidate.name))) {
    test(`${fixture.name}: fixable exactly when fix-all changes the finding`, () => {
      const before = messages(fixture.fixInput);
      const proposal = fixAll(fixture.fixInput, before);
      const output = proposal ? applyEdits(fixture.input, proposal.edits) : fixture.input;
      const after = messages({ ...fixture.fixInput, text: output });
      assert.deepEqual(after.map((finding) => finding.message).sort(), before.filter((finding) => !finding.fixable).map((finding) => finding.message).sort());
      assert.ok(after.every((finding) => !finding.fixable), 'nothing left to fix');
      if (fixture.name === 'placeholder-endpoint-unmapped') assert.ok(before.every((finding) => !finding.fixable) && proposal === undefined);
      else assert.ok(before.some((finding) => finding.fixable));
    });
  }

  test('the quick fix is titled with the endpoint and its message names the mapping', () => {
    const fixture = loadCases().find((candidate) => candidate.name === 'placeholder-endpoint-component')!;
    const placeholder = messages(fixture.fixInput).find((finding) => finding.data.placeholderFor !== undefined)!;
    assert.match(placeholder.message, /'meta\.llama3-8b-instruct-v1:0' is mapped to endpoint 'shared-llm': use it\./);
    assert.deepEqual(placeholder.data, { ruleId: 'bedrock/migration-todo', placeholderFor: 'meta.llama3-8b-instruct-v1:0', endpointName: 'shared-llm', inferenceComponentName: 'llama3-8b-ic' });
    const [fix] = fixesForFinding(fixture.fixInput, placeholder);
    assert.equal(fix.title, "Use endpoint 'shared-llm'");
    assert.equal(applyEdits(fixture.input, fix.edits), fixture.expected);
  });

  test('fix-all of a half-migrated file migrates the Bedrock call and fills the mapped placeholder in', () => {
    const text = [
      'import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";',
      'import { SageMakerRuntimeClient, InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";',
      '',
      'const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });',
      'const sagemaker = new SageMakerRuntimeClient({ region: "cn-north-1" });',
      '',
      'export async function old(prompt: string) {',
      '  const response = await bedrock.send(new InvokeModelCommand({',
      '    modelId: "meta.llama3-8b-instruct-v1:0",',
      '    contentType: "application/json",',
      '    body: JSON.stringify({ prompt, max_gen_len: 128 }),',
      '  }));',
      '  return JSON.parse(new TextDecoder().decode(response.body)).generation;',
      '}',
      '',
      'export async function migrated(question: string) {',
      "  // TODO(bedrock-to-sagemaker): put the name of the SageMaker endpoint that serves 'meta.llama3-70b-instruct-v1:0' in place of 'TODO-endpoint-for-meta.llama3-70b-instruct-v1:0'.",
      '  return sagemaker.send(new InvokeEndpointCommand({ EndpointName: "TODO-endpoint-for-meta.llama3-70b-instruct-v1:0", Body: question }));',
      '}',
      '',
    ].join('\n');
    const input: FixInput = {
      text, languageId: 'typescript', fileName: 'app.ts', workspaceRelativePath: 'src/app.ts',
      settings: normalizeSettings({ targetRegion: 'cn-north-1', endpoints: { 'meta.llama3-*': { endpointName: 'llama3' } } }),
    };
    const findings = refineFixability(input, analyze(input).findings);
    const output = applyEdits(text, fixAll(input, findings)!.edits);
    assert.ok(!output.includes('TODO-endpoint-for-'), output);
    assert.ok(!output.includes('BedrockRuntimeClient'), output);
    assert.match(output, /EndpointName: "llama3", Body: question/);
    const again = { ...input, text: output };
    assert.equal(fixAll(again, refineFixability(again, analyze(again).findings)), undefined, 'a second fix-all changes nothing');
  });
});

// The pure endpoint validation: where settings files and code name endpoints, and what is wrong with each name
// against a discovery (no network: the inventory is plain data, as the last connect left it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endpointReferencesInScript, endpointReferencesInSettings } from '../../server/src/engine/endpoints/endpointReferences';
import { endpointReferencesOf } from '../../server/src/endpoints/endpointReferencesOf';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { type EndpointInventory, validateEndpointReferences } from '../../server/src/engine/endpoints/endpointValidation';
import type { EndpointMapping } from '../../server/src/engine/types';

const inventory: EndpointInventory = {
  region: 'cn-north-1',
  endpoints: [
    { endpointName: 'llama-lmi', status: 'InService', usesInferenceComponents: false, targets: [{ container: 'lmi', jumpStartId: 'meta-textgeneration-llama-3-8b-instruct' }] },
    { endpointName: 'mistral-tgi', status: 'InService', usesInferenceComponents: false, targets: [{ container: 'tgi', hfModelId: 'mistralai/Mistral-7B-Instruct-v0.2', messagesApi: true }] },
    { endpointName: 'mistral-tgi-plain', status: 'InService', usesInferenceComponents: false, targets: [{ container: 'tgi', hfModelId: 'mistralai/Mistral-7B-Instruct-v0.2' }] },
    { endpointName: 'creating', status: 'Creating', usesInferenceComponents: false, targets: [{ container: 'lmi', jumpStartId: 'meta-textgeneration-llama-3-8b-instruct' }] },
    { endpointName: 'broken', status: 'Failed', failureReason: 'Image pull failed', usesInferenceComponents: false, targets: [] },
    {
      endpointName: 'shared-ic', status: 'InService', usesInferenceComponents: true, targets: [
        { inferenceComponentName: 'ic-llama', inferenceComponentStatus: 'InService', container: 'lmi', jumpStartId: 'meta-textgeneration-llama-3-1-8b-instruct' },
        { inferenceComponentName: 'ic-r1', inferenceComponentStatus: 'Creating', container: 'lmi', hfModelId: 'deepseek-ai/DeepSeek-R1' },
      ],
    },
    { endpointName: 'custom', status: 'InService', usesInferenceComponents: false, targets: [{ image: 'my/server:1' }] },
  ],
};

const LLAMA3 = 'meta.llama3-8b-instruct-v1:0';
const LLAMA31 = 'meta.llama3-1-8b-instruct-v1:0';
const MISTRAL = 'mistral.mistral-7b-instruct-v0:2';

function codesFor(reference: { endpointName: string; inferenceComponentName?: string; modelId?: string; container?: string }, mapping: Record<string, EndpointMapping> = {}) {
  const range = { start: 0, end: reference.endpointName.length + 2 };
  return validateEndpointReferences([{ range, ...reference }], inventory, mapping).map((problem) => problem.code);
}

describe('endpoint validation', () => {
  test('a mapping that matches an InService endpoint serving the model has no problem', () => {
    assert.deepEqual(codesFor({ endpointName: 'llama-lmi', modelId: LLAMA3, container: 'lmi' }), []);
    assert.deepEqual(codesFor({ endpointName: 'llama-lmi', modelId: `us.${LLAMA3}` }), [], 'the geography prefix names the same model');
    assert.deepEqual(codesFor({ endpointName: 'mistral-tgi', modelId: MISTRAL, container: 'tgi' }), []);
    assert.deepEqual(codesFor({ endpointName: 'shared-ic', inferenceComponentName: 'ic-llama', modelId: LLAMA31 }), []);
  });

  test('an endpoint that does not exist, with the region in the message', () => {
    const [problem] = validateEndpointReferences([{ range: { start: 3, end: 9 }, endpointName: 'gone', modelId: LLAMA3 }], inventory, {});
    assert.equal(problem?.code, 'not-found');
    assert.deepEqual(problem?.range, { start: 3, end: 9 });
    assert.match(problem!.message, /'gone'.*cn-north-1/);
  });

  test('an endpoint that is not InService, with the failure reason when there is one', () => {
    assert.deepEqual(codesFor({ endpointName: 'creating', modelId: LLAMA3 }), ['not-in-service']);
    const [failed] = validateEndpointReferences([{ range: { start: 0, end: 1 }, endpointName: 'broken' }], inventory, {});
    assert.equal(failed?.code, 'not-in-service');
    assert.match(failed!.message, /Failed.*Image pull failed/);
  });

  test('an endpoint that serves another model than the mapped one', () => {
    const [problem] = validateEndpointReferences([{ range: { start: 0, end: 1 }, endpointName: 'llama-lmi', modelId: MISTRAL }], inventory, {});
    assert.equal(problem?.code, 'other-model');
    assert.match(problem!.message, /meta-textgeneration-llama-3-8b-instruct.*mistral\.mistral-7b/);
  });

  test('no model check when the served model is not recognised or the Bedrock model is closed-weight', () => {
    assert.deepEqual(codesFor({ endpointName: 'custom', modelId: LLAMA3 }), []);
    assert.deepEqual(codesFor({ endpointName: 'llama-lmi', modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }), []);
  });

  test('TGI without the Messages API, and a container that differs from the mapping', () => {
    assert.deepEqual(codesFor({ endpointName: 'mistral-tgi-plain', modelId: MISTRAL, container: 'tgi' }), ['no-messages-api']);
    assert.deepEqual(codesFor({ endpointName: 'mistral-tgi', modelId: MISTRAL, container: 'lmi' }), ['container-mismatch']);
  });

  test('inference components: missing name, unknown name, not in service', () => {
    assert.deepEqual(codesFor({ endpointName: 'shared-ic', modelId: LLAMA31 }), ['component-missing']);
    assert.deepEqual(codesFor({ endpointName: 'shared-ic', inferenceComponentName: 'ic-nope' }), ['component-not-found']);
    assert.deepEqual(codesFor({ endpointName: 'shared-ic', inferenceComponentName: 'ic-r1' }), ['component-not-in-service']);
  });

  test('a code literal without a model id takes the model id of the one mapping that names the endpoint', () => {
    const mapping: Record<string, EndpointMapping> = { [MISTRAL]: { endpointName: 'llama-lmi', container: 'lmi' } };
    assert.deepEqual(codesFor({ endpointName: 'llama-lmi' }, mapping), ['other-model']);
    const twice = { ...mapping, [LLAMA3]: { endpointName: 'llama-lmi', container: 'lmi' as const } };
    assert.deepEqual(codesFor({ endpointName: 'llama-lmi' }, twice), [], 'two model ids map to it: no guess');
  });
});

describe('endpoint references', () => {
  test('.vscode/settings.json: flat and nested keys, with comments, ranges on the values', () => {
    const text = [
      '{',
      '  // mine',
      '  "bedrockToSagemaker.endpoints": {',
      `    "${LLAMA3}": { "endpointName": "llama-lmi", "container": "lmi" },`,
      `    "${LLAMA31}": { "endpointName": "shared-ic", "inferenceComponentName": "ic-llama", "container": "lmi" },`,
      '    "broken": "not an object",',
      '  },',
      '}',
    ].join('\n');
    const references = endpointReferencesInSettings(text, 'vscode-settings');
    assert.deepEqual(references.map((reference) => [reference.modelId, reference.endpointName, text.slice(reference.range.start, reference.range.end)]), [
      [LLAMA3, 'llama-lmi', '"llama-lmi"'],
      [LLAMA31, 'shared-ic', '"shared-ic"'],
    ]);
    assert.equal(text.slice(references[1]!.componentRange!.start, references[1]!.componentRange!.end), '"ic-llama"');
    assert.equal(references[0]!.container, 'lmi');
    const nested = `{ "bedrockToSagemaker": { "endpoints": { "${LLAMA3}": { "endpointName": "x" } } } }`;
    assert.deepEqual(endpointReferencesInSettings(nested, 'vscode-settings').map((reference) => reference.endpointName), ['x']);
  });

  test('a CLI config file uses the key "endpoints"; a broken file has no references', () => {
    const text = `{ "endpoints": { "${LLAMA3}": { "endpointName": "llama-lmi" } }, "bedrockToSagemaker.endpoints": {} }`;
    assert.deepEqual(endpointReferencesInSettings(text, 'cli-config').map((reference) => reference.endpointName), ['llama-lmi']);
    assert.deepEqual(endpointReferencesInSettings('[1, 2', 'cli-config'), []);
    assert.deepEqual(endpointReferencesInSettings(text, 'vscode-settings'), []);
  });

  test('code: InvokeEndpoint inputs and lookup-table entries; placeholders and computed names are not references', () => {
    const text = [
      'const SAGEMAKER_ENDPOINTS = {',
      `  '${LLAMA3}': { EndpointName: 'llama-lmi' },`,
      `  '${LLAMA31}': { EndpointName: "shared-ic", InferenceComponentName: "ic-llama" },`,
      `  '${MISTRAL}': { EndpointName: 'TODO-endpoint-for-${MISTRAL}' },`,
      '};',
      'await client.send(new InvokeEndpointCommand({ EndpointName: `gone`, Body: body }));',
      'await client.send(new InvokeEndpointCommand({ EndpointName: name, Body: body }));',
    ].join('\n');
    const references = endpointReferencesInScript(text, 'typescript');
    assert.deepEqual(references.map((reference) => [reference.endpointName, reference.modelId, reference.inferenceComponentName, text.slice(reference.range.start, reference.range.end)]), [
      ['llama-lmi', LLAMA3, undefined, "'llama-lmi'"],
      ['shared-ic', LLAMA31, 'ic-llama', '"shared-ic"'],
      ['gone', undefined, undefined, '`gone`'],
    ]);
  });

  test('Markdown: TypeScript, Python and shell fences, ranges in the document; prose, variables, other commands and placeholders are not references', async () => {
    await initPythonParser();
    const text = [
      '# Calling the endpoint',
      '',
      'Endpoint `prose-only` is named in prose.',
      '',
      '```ts',
      "await client.send(new InvokeEndpointCommand({ EndpointName: 'llama-lmi', Body: body }));",
      '```',
      '',
      '> ```python',
      "> runtime.invoke_endpoint(EndpointName='shared-ic', InferenceComponentName=\"ic-llama\", Body=body)",
      "> params = {'EndpointName': 'gone', 'Body': body}",
      "> runtime.invoke_endpoint(EndpointName=name, Body=body)",
      `> runtime.invoke_endpoint(EndpointName='TODO-endpoint-for-${MISTRAL}', Body=body)`,
      '> ```',
      '',
      '```sh',
      'aws sagemaker-runtime invoke-endpoint --endpoint-name "shell-ep" --inference-component-name ic-llama --body fileb://in.json out.json',
      'aws sagemaker-runtime invoke-endpoint --endpoint-name "$ENDPOINT" --body fileb://in.json out.json',
      'aws sagemaker describe-endpoint --endpoint-name not-a-call',
      '```',
      '',
      '```console',
      '$ aws --region cn-north-1 sagemaker-runtime invoke-endpoint-with-response-stream --endpoint-name=glued out.json',
      'aws sagemaker-runtime invoke-endpoint --endpoint-name output-not-a-command',
      '```',
      '',
    ].join('\n');
    const references = endpointReferencesOf(text, 'docs/guide.md', 'markdown');
    assert.deepEqual(references.map((reference) => [reference.endpointName, reference.inferenceComponentName, text.slice(reference.range.start, reference.range.end),
      reference.componentRange && text.slice(reference.componentRange.start, reference.componentRange.end)]), [
      ['llama-lmi', undefined, "'llama-lmi'", undefined],
      ['shared-ic', 'ic-llama', "'shared-ic'", '"ic-llama"'],
      ['gone', undefined, "'gone'", undefined],
      ['shell-ep', 'ic-llama', '"shell-ep"', 'ic-llama'],
      ['glued', undefined, 'glued', undefined],
    ]);
    assert.deepEqual(validateEndpointReferences(references, inventory, {}).map((problem) => [problem.endpointName, problem.code]), [['gone', 'not-found'], ['shell-ep', 'not-found'], ['glued', 'not-found']]);
  });
});

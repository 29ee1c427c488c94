// The string-content catalogue the strings detector relies on: model ids, ARNs, hosts and IAM actions. Tables of
// what must match (and what it is) and of look-alikes that must not, plus inputs built to make a careless regular
// expression backtrack for ever.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PLACEHOLDER, findArns, findHosts, findIamActions, findModelIds, mayMentionBedrock } from '../../server/src/engine/catalog/modelIds';

describe('model ids', () => {
  const cases: Array<[input: string, modelId: string, family: string, openWeights: boolean, geo?: string]> = [
    ['meta.llama3-8b-instruct-v1:0', 'meta.llama3-8b-instruct-v1:0', 'llama', true],
    ['us.meta.llama4-scout-17b-instruct-v1:0', 'us.meta.llama4-scout-17b-instruct-v1:0', 'llama', true, 'us'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic', false, 'us-gov'],
    ['deepseek.r1-v1:0', 'deepseek.r1-v1:0', 'deepseek', true],
    ['mistral.mixtral-8x7b-instruct-v0:1', 'mistral.mixtral-8x7b-instruct-v0:1', 'mistral', true],
    ['mistral.mistral-large-2402-v1:0', 'mistral.mistral-large-2402-v1:0', 'mistral', false],
    ['anthropic.claude-3-haiku-20240307-v1:0:200k', 'anthropic.claude-3-haiku-20240307-v1:0:200k', 'anthropic', false],
    ['cohere.embed-english-v3:0:512', 'cohere.embed-english-v3:0:512', 'cohere', false],
    ['us.mistral.pixtral-large-2502-v1:0', 'us.mistral.pixtral-large-2502-v1:0', 'mistral', false, 'us'],
    ['amazon.titan-text-express-v1', 'amazon.titan-text-express-v1', 'titan', false],
    ['apac.amazon.nova-pro-v1:0', 'apac.amazon.nova-pro-v1:0', 'nova', false, 'apac'],
    ['amazon.rerank-v1:0', 'amazon.rerank-v1:0', 'amazon-other', false],
    ['cohere.embed-english-v3', 'cohere.embed-english-v3', 'cohere', false],
    ['openai.gpt-oss-120b-1:0', 'openai.gpt-oss-120b-1:0', 'gpt-oss', true],
    ['qwen.qwen3-coder-30b-a3b-v1:0', 'qwen.qwen3-coder-30b-a3b-v1:0', 'qwen', true],
    ['google.gemma-3-12b-it', 'google.gemma-3-12b-it', 'gemma', true],
    ['anthropic.claude-opus-4-6-v1', 'anthropic.claude-opus-4-6-v1', 'anthropic', false],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic', false, 'global'],
    [`${PLACEHOLDER.repeat(6)}.meta.llama3-1-70b-instruct-v1:0`, 'meta.llama3-1-70b-instruct-v1:0', 'llama', true, '${…}'],
    [`meta.llama3-${PLACEHOLDER.repeat(7)}-instruct-v1:0`, 'meta.llama3-${…}-instruct-v1:0', 'llama', true],
  ];
  for (const [input, modelId, family, openWeights, geo] of cases) {
    test(`finds ${JSON.stringify(input)}`, () => {
      const found = findModelIds(`model: ${input}.`);
      assert.equal(found.length, 1, `matches: ${JSON.stringify(found.map((m) => m.text))}`);
      assert.equal(found[0].index, 'model: '.length);
      assert.equal(found[0].text, input);
      assert.equal(found[0].info.modelId, modelId);
      assert.equal(found[0].info.family, family);
      assert.equal(found[0].info.openWeights, openWeights);
      assert.equal(found[0].info.geoPrefix, geo);
    });
  }

  test('known open models carry their JumpStart id; closed ones and unknown versions do not', () => {
    assert.equal(findModelIds('meta.llama3-1-8b-instruct-v1:0')[0].info.jumpStartId, 'meta-textgeneration-llama-3-1-8b-instruct');
    assert.equal(findModelIds('us.deepseek.r1-v1:0')[0].info.jumpStartId, 'deepseek-llm-r1');
    assert.equal(findModelIds('anthropic.claude-3-haiku-20240307-v1:0')[0].info.jumpStartId, undefined);
    assert.equal(findModelIds('amazon.titan-embed-text-v2:0')[0].info.embedding, true);
  });

  const lookAlikes = [
    'amazon.com', 'www.amazon.com/gp/help', 'amazon.co.uk', 'amazon.s3-logs-2024', 'amazon.aws-sdk-v3',
    'google.maps-v3', 'google.com/search?q=llama3-8b', 'meta.json', 'import.meta.url', 'meta.llama', 'meta.llama3',
    'mistral.ai', 'cohere.com', 'deepseek.com', 'openai.gpt', 'com.amazon.nova-app', 'node_modules/meta.llama3-8b/index.js',
    'user@meta.llama3-8b-mail.com', 'v3.1164.0', '1.2.3-beta.4', 'meta.llama3-8b-instruct-v1:0.json', 'xmeta.llama3-8b-instruct-v1:0',
    'meta.llama3-8b-instruct-v1:0_backup', 'meta.llama3-8b-instruct-v1.json', 'meta.llama3-8b-instruct-v1:0:1:2', 'meta.${…}', `meta.${PLACEHOLDER.repeat(4)}`,
  ];
  for (const text of lookAlikes) {
    test(`ignores ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findModelIds(text).map((m) => m.text), []);
    });
  }

  test('path segments count only after bedrock/ or model/', () => {
    assert.deepEqual(findModelIds('bedrock/meta.llama3-8b-instruct-v1:0').map((m) => m.text), ['meta.llama3-8b-instruct-v1:0']);
    assert.deepEqual(findModelIds('/model/meta.llama3-8b-instruct-v1:0/invoke').map((m) => m.text), ['meta.llama3-8b-instruct-v1:0']);
    assert.deepEqual(findModelIds('cache/meta.llama3-8b-instruct-v1:0').map((m) => m.text), []);
  });

  test('several ids in one sentence are found with their offsets', () => {
    const text = 'try amazon.nova-lite-v1:0, then meta.llama3-70b-instruct-v1:0.';
    assert.deepEqual(findModelIds(text).map((m) => [m.index, m.text]), [
      [4, 'amazon.nova-lite-v1:0'], [32, 'meta.llama3-70b-instruct-v1:0'],
    ]);
  });
});

describe('ARNs, hosts and IAM actions', () => {
  test('ARNs in every partition, with templated parts and wildcards', () => {
    const arns = [
      'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-70b-instruct-v1:0',
      'arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.anthropic.claude-3-haiku-20240307-v1:0',
      `arn:aws:bedrock:${PLACEHOLDER.repeat(9)}:${PLACEHOLDER.repeat(10)}:provisioned-model/abc`,
      `arn:${PLACEHOLDER.repeat(12)}:bedrock:us-east-1::foundation-model/x`,
      'arn:aws:bedrock:*::foundation-model/*',
      'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-1',
    ];
    for (const arn of arns) assert.deepEqual(findArns(`"${arn}"`).map((m) => m.text), [arn]);
    assert.deepEqual(findArns('arn:aws-cn:sagemaker:cn-north-1:123456789012:endpoint/llama'), []);
    assert.deepEqual(findArns('arn:aws:s3:::bedrock-bucket/key'), []);
  });

  test('Bedrock hosts, but not SageMaker or documentation hosts', () => {
    const hosts = [
      'bedrock-runtime.us-east-1.amazonaws.com', 'bedrock.eu-west-1.amazonaws.com', 'bedrock-agent-runtime.us-west-2.amazonaws.com',
      'bedrock-runtime-fips.us-east-1.amazonaws.com', 'vpce-1a2b.bedrock-runtime.us-east-1.vpce.amazonaws.com',
      'bedrock-runtime.cn-north-1.amazonaws.com.cn', 'bedrock-mantle.us-east-1.api.aws', 'bedrock-agentcore.us-east-1.amazonaws.com',
    ];
    for (const host of hosts) assert.deepEqual(findHosts(`https://${host}/x`).map((m) => m.text), [host]);
    for (const other of ['runtime.sagemaker.cn-northwest-1.amazonaws.com.cn', 'docs.aws.amazon.com/bedrock/latest/userguide', 'my-bedrock.example.com', 'notbedrock-runtime.us-east-1.amazonaws.com']) {
      assert.deepEqual(findHosts(other), [], other);
    }
  });

  test('IAM actions, including wildcards, but not look-alikes', () => {
    assert.deepEqual(findIamActions('bedrock:InvokeModel bedrock:Converse* bedrock:* bedrock-agentcore:InvokeAgentRuntime').map((m) => m.text), [
      'bedrock:InvokeModel', 'bedrock:Converse*', 'bedrock:*', 'bedrock-agentcore:InvokeAgentRuntime',
    ]);
    assert.deepEqual(findIamActions('sagemaker:InvokeEndpoint bedrock:lowercase mybedrock:InvokeModel'), []);
  });
});

describe('pathological strings finish', () => {
  const inputs: Record<string, string> = {
    'hyphen run': `meta.${'a-'.repeat(50_000)}!`,
    'dot run': `meta.${'a.'.repeat(50_000)}!`,
    'digit segments': `meta.llama3${'-1.'.repeat(30_000)}_`,
    'placeholder name': `meta.l${`${PLACEHOLDER}-`.repeat(30_000)}_`,
    'placeholder geo': `${PLACEHOLDER.repeat(50_000)}.meta.llama3-8b_`,
    'long ARN': `arn:aws:bedrock:${'-'.repeat(50_000)}:${'x'.repeat(50_000)}`,
    'long host': `bedrock-runtime.${'a-'.repeat(50_000)}`,
  };
  for (const [name, value] of Object.entries(inputs)) {
    // The timeout only guards against a hang (exponential backtracking); the assertion is on the result.
    test(name, { timeout: 30_000 }, () => {
      const found = [...findModelIds(value), ...findArns(value), ...findHosts(value), ...findIamActions(value)];
      assert.ok(found.every((m) => m.index >= 0 && m.index + m.length <= value.length));
    });
  }

  test('the pre-check accepts every form the detectors report and rejects plain code', () => {
    for (const text of ['BedrockRuntimeClient', 'x = "meta.llama3-8b-instruct-v1:0"', '`${geo}.meta.llama3-8b-instruct-v1:0`', 'openai.gpt-oss-20b-1:0']) {
      assert.equal(mayMentionBedrock(text), true, text);
    }
    for (const text of ['export const x = import.meta.url;', 'const site = "https://www.amazon.com";']) {
      assert.equal(mayMentionBedrock(text), false, text);
    }
  });
});

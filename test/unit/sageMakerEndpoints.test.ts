// The pure side of endpoint discovery: container family from the image, the served model from the environment,
// and which endpoint serves each Bedrock model id (no network here; see endpointDiscovery.test.ts for that).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  baseModelId, containerFamilyOf, containerFamilyOfImage, type DiscoveredEndpoint, hfModelIdOf, isReady, matchEndpoints, messagesApiOf,
} from '../../server/src/engine/catalog/sageMakerEndpoints';

describe('container family', () => {
  test('LMI and TGI images, in China and global registries', () => {
    assert.equal(containerFamilyOfImage('727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/djl-inference:0.36.0-lmi27.0.0-cu130'), 'lmi');
    assert.equal(containerFamilyOfImage('763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.27.0-deepspeed0.12.6-cu121'), 'lmi');
    assert.equal(containerFamilyOfImage('727897471807.dkr.ecr.cn-northwest-1.amazonaws.com.cn/huggingface-pytorch-tgi-inference:2.7.0-tgi3.3.6-gpu-py311-cu124-ubuntu22.04'), 'tgi');
    assert.equal(containerFamilyOfImage('ghcr.io/huggingface/text-generation-inference:3.0'), 'tgi');
    assert.equal(containerFamilyOfImage('123.dkr.ecr.cn-north-1.amazonaws.com.cn/my-own-server:1'), undefined);
    assert.equal(containerFamilyOfImage('123.dkr.ecr.cn-north-1.amazonaws.com.cn/djl-inference-fork:1'), undefined);
    assert.equal(containerFamilyOfImage(undefined), undefined);
  });

  test('an unknown image with OPTION_* variables is LMI', () => {
    assert.equal(containerFamilyOf('my/image:1', { OPTION_ROLLING_BATCH: 'vllm' }), 'lmi');
    assert.equal(containerFamilyOf('my/image:1', { HF_MODEL_ID: 'a/b' }), undefined);
  });
});

describe('served model', () => {
  test('HF_MODEL_ID / OPTION_MODEL_ID are Hub ids; paths and S3 URIs are not', () => {
    assert.equal(hfModelIdOf({ HF_MODEL_ID: 'mistralai/Mistral-7B-Instruct-v0.2' }), 'mistralai/Mistral-7B-Instruct-v0.2');
    assert.equal(hfModelIdOf({ OPTION_MODEL_ID: 'deepseek-ai/DeepSeek-R1' }), 'deepseek-ai/DeepSeek-R1');
    assert.equal(hfModelIdOf({ HF_MODEL_ID: '/opt/ml/model' }), undefined);
    assert.equal(hfModelIdOf({ OPTION_MODEL_ID: 's3://bucket/llama/' }), undefined);
    assert.equal(hfModelIdOf(undefined), undefined);
  });

  test('MESSAGES_API_ENABLED', () => {
    assert.equal(messagesApiOf({ MESSAGES_API_ENABLED: 'true' }), true);
    assert.equal(messagesApiOf({ MESSAGES_API_ENABLED: 'false' }), false);
    assert.equal(messagesApiOf({}), undefined);
  });

  test('the base id drops the inference-profile geography', () => {
    assert.equal(baseModelId('us.meta.llama3-1-8b-instruct-v1:0'), 'meta.llama3-1-8b-instruct-v1:0');
    assert.equal(baseModelId('meta.llama3-1-8b-instruct-v1:0'), 'meta.llama3-1-8b-instruct-v1:0');
  });
});

const endpoint = (name: string, status: string, targets: DiscoveredEndpoint['targets'], usesInferenceComponents = false): DiscoveredEndpoint =>
  ({ endpointName: name, status, usesInferenceComponents, targets });

describe('matching', () => {
  test('a JumpStart tag, a Hugging Face id, an inference component; geo variants share one key', () => {
    const endpoints = [
      endpoint('js-llama3-8b', 'InService', [{ container: 'lmi', jumpStartId: 'meta-textgeneration-llama-3-8b-instruct' }]),
      endpoint('mistral', 'InService', [{ container: 'tgi', hfModelId: 'mistralai/Mistral-7B-Instruct-v0.2' }]),
      endpoint('shared', 'InService', [
        { inferenceComponentName: 'ic-a', inferenceComponentStatus: 'InService', container: 'lmi', hfModelId: 'meta-llama/Meta-Llama-3.1-8B-Instruct' },
      ], true),
    ];
    const { mapping, matches } = matchEndpoints([
      'meta.llama3-8b-instruct-v1:0', 'us.meta.llama3-1-8b-instruct-v1:0', 'meta.llama3-1-8b-instruct-v1:0', 'mistral.mistral-7b-instruct-v0:2',
    ], endpoints);
    assert.deepEqual(mapping, {
      'meta.llama3-8b-instruct-v1:0': { endpointName: 'js-llama3-8b', container: 'lmi' },
      'meta.llama3-1-8b-instruct-v1:0': { endpointName: 'shared', inferenceComponentName: 'ic-a', container: 'lmi' },
      'mistral.mistral-7b-instruct-v0:2': { endpointName: 'mistral', container: 'tgi' },
    });
    const llama31 = matches.find((match) => match.modelId === 'meta.llama3-1-8b-instruct-v1:0')!;
    assert.deepEqual(llama31.foundAs, ['meta.llama3-1-8b-instruct-v1:0', 'us.meta.llama3-1-8b-instruct-v1:0']);
    assert.equal(llama31.candidates[0]!.matchedBy, 'hf-model-id');
    assert.equal(matches.find((match) => match.modelId === 'meta.llama3-8b-instruct-v1:0')!.candidates[0]!.matchedBy, 'jumpstart-tag');
  });

  test('two endpoints in service serving the same model: ambiguous, nothing proposed', () => {
    const { mapping, matches } = matchEndpoints(['meta.llama3-8b-instruct-v1:0'], [
      endpoint('a', 'InService', [{ container: 'lmi', jumpStartId: 'meta-textgeneration-llama-3-8b-instruct' }]),
      endpoint('b', 'InService', [{ container: 'lmi', jumpStartId: 'meta-textgenerationneuron-llama-3-8b-instruct' }]),
    ]);
    assert.deepEqual(mapping, {});
    assert.equal(matches[0]!.status, 'ambiguous');
    assert.deepEqual(matches[0]!.candidates.map((candidate) => candidate.endpointName), ['a', 'b']);
  });

  test('one in service and one failed: the one in service is proposed', () => {
    const { mapping } = matchEndpoints(['meta.llama3-8b-instruct-v1:0'], [
      endpoint('a', 'Failed', [{ container: 'lmi', jumpStartId: 'meta-textgeneration-llama-3-8b-instruct' }]),
      endpoint('b', 'InService', [{ container: 'tgi', jumpStartId: 'meta-textgeneration-llama-3-8b-instruct' }]),
    ]);
    assert.deepEqual(mapping, { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'b', container: 'tgi' } });
  });

  test('only a creating inference component: not in service, nothing proposed', () => {
    const { mapping, matches } = matchEndpoints(['deepseek.r1-v1:0'], [
      endpoint('shared', 'InService', [{ inferenceComponentName: 'ic-r1', inferenceComponentStatus: 'Creating', container: 'lmi', hfModelId: 'deepseek-ai/DeepSeek-R1' }], true),
    ]);
    assert.deepEqual(mapping, {});
    assert.equal(matches[0]!.status, 'not-in-service');
  });

  test('closed weights, dynamic ids, no endpoint, and a distilled model is not the model', () => {
    const { matches } = matchEndpoints(['anthropic.claude-3-haiku-20240307-v1:0', 'meta.llama3-${…}-instruct-v1:0', 'deepseek.r1-v1:0', 'openai.gpt-oss-20b-1:0'], [
      endpoint('distill', 'InService', [{ container: 'lmi', hfModelId: 'deepseek-ai/DeepSeek-R1-Distill-Llama-8B' }]),
      endpoint('oss', 'InService', [{ hfModelId: 'openai/gpt-oss-20b' }]),
    ]);
    const status = Object.fromEntries(matches.map((match) => [match.modelId, match.status]));
    assert.deepEqual(status, {
      'anthropic.claude-3-haiku-20240307-v1:0': 'closed-weights',
      'meta.llama3-${…}-instruct-v1:0': 'dynamic',
      'deepseek.r1-v1:0': 'no-endpoint',
      'openai.gpt-oss-20b-1:0': 'matched',
    });
    const oss = matches.find((match) => match.modelId === 'openai.gpt-oss-20b-1:0')!;
    assert.deepEqual(oss.proposal, { endpointName: 'oss', container: 'lmi' });
    assert.equal(oss.containerAssumed, true);
  });

  test('readiness needs the endpoint and its component in service', () => {
    assert.equal(isReady({ endpointStatus: 'InService' }), true);
    assert.equal(isReady({ endpointStatus: 'Updating' }), false);
    assert.equal(isReady({ endpointStatus: 'InService', inferenceComponentName: 'x', inferenceComponentStatus: 'Failed' }), false);
  });
});

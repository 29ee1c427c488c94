// Endpoint discovery with the real @aws-sdk/client-sagemaker against the loopback control-plane stand-in: paging,
// inference components, tags, container inference, and every failure the user must be told about. Never a real AWS call:
// the client is pointed at 127.0.0.1, credentials are dummies from the environment, IMDS is off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { discoverEndpoints, hubModelFacts, sanitize } from '../../server/src/endpoints/discovery';
import type { DiscoveryResult } from '../../server/src/endpoints/discoveryTypes';
import { type ControlPlaneFaults, type ControlPlaneStandin, defaultFixture, startControlPlaneStandin } from '../helpers/standins/sageMakerControlStandin';

const ISOLATED_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDTESTKEY', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials', AWS_EC2_METADATA_DISABLED: 'true',
};
for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_SAGEMAKER', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete process.env[name];
Object.assign(process.env, ISOLATED_ENV);

async function withStandin<T>(faults: ControlPlaneFaults, run: (standin: ControlPlaneStandin) => Promise<T>, fixture = defaultFixture()): Promise<T> {
  const standin = await startControlPlaneStandin(fixture, faults);
  try {
    return await run(standin);
  } finally {
    await standin.close();
  }
}

function failureOf(result: DiscoveryResult) {
  assert.equal(result.ok, false, 'expected a failure');
  return (result as Extract<DiscoveryResult, { ok: false }>).failure;
}

describe('discovery against the stand-in', () => {
  let standin: ControlPlaneStandin;
  let result: DiscoveryResult;
  before(async () => {
    standin = await startControlPlaneStandin();
    result = await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url, hubModelIds: ['meta-textgeneration-llama-3-8b-instruct', 'deepseek-llm-r1'] });
  });
  after(() => standin.close());

  test('every endpoint of every page, in every status', () => {
    assert.ok(result.ok);
    assert.deepEqual(result.endpoints.map((endpoint) => [endpoint.endpointName, endpoint.status]), [
      ['jumpstart-dft-llama-3-8b', 'InService'], ['mistral-tgi', 'InService'], ['shared-ic', 'InService'], ['zz-old', 'Failed'],
    ]);
    assert.equal(standin.requests.filter((request) => request.operation === 'ListEndpoints').length, 2);
  });

  test('requests are signed for the China region', () => {
    assert.deepEqual([...new Set(standin.requests.map((request) => request.signingRegion))], ['cn-north-1']);
  });

  test('LMI by JumpStart tag, TGI by HF_MODEL_ID, inference components, a failed endpoint with no config', () => {
    assert.ok(result.ok);
    const [llama, mistral, shared, old] = result.endpoints;
    assert.deepEqual(llama!.targets.map((target) => [target.container, target.jumpStartId, target.hfModelId]), [['lmi', 'meta-textgeneration-llama-3-8b-instruct', undefined]]);
    assert.deepEqual(mistral!.targets.map((target) => [target.container, target.hfModelId, target.messagesApi]), [['tgi', 'mistralai/Mistral-7B-Instruct-v0.2', true]]);
    assert.equal(shared!.usesInferenceComponents, true);
    assert.deepEqual(shared!.targets.map((target) => [target.inferenceComponentName, target.inferenceComponentStatus, target.container, target.jumpStartId ?? target.hfModelId]), [
      ['ic-deepseek-r1', 'Creating', 'lmi', 'deepseek-ai/DeepSeek-R1'],
      ['ic-llama-3-1-8b', 'InService', 'lmi', 'meta-textgeneration-llama-3-1-8b-instruct'],
    ]);
    assert.equal(standin.requests.filter((request) => request.operation === 'ListInferenceComponents').length, 2, 'components are paged');
    assert.equal(old!.targets.length, 0);
    assert.match(old!.detailError ?? '', /Could not find endpoint configuration/);
  });

  test('JumpStart availability in SageMakerPublicHub, exact names only', () => {
    assert.ok(result.ok);
    assert.deepEqual(result.hub, [
      { jumpStartId: 'deepseek-llm-r1', available: false },
      { jumpStartId: 'meta-textgeneration-llama-3-8b-instruct', available: true, version: '2.1.0', defaultInstanceType: 'ml.g5.2xlarge', gated: true },
    ]);
    const described = standin.requests.filter((request) => request.operation === 'DescribeHubContent');
    assert.deepEqual(described.map((request) => request.body), [
      { HubName: 'SageMakerPublicHub', HubContentType: 'Model', HubContentName: 'meta-textgeneration-llama-3-8b-instruct', HubContentVersion: '2.1.0' },
    ], 'described only when the hub has it, at the version listed');
  });

  test('hub documents: default instance type and EULA from the JSON string; an unreadable document gives no facts', () => {
    assert.deepEqual(hubModelFacts(JSON.stringify({ DefaultInferenceInstanceType: 'ml.g5.12xlarge', GatedBucket: true })), { defaultInstanceType: 'ml.g5.12xlarge', gated: true });
    assert.deepEqual(hubModelFacts(JSON.stringify({ DefaultInferenceInstanceType: 'ml.g5.2xlarge', HostingEulaKey: 'fmhMetadata/eula/llama3Eula.txt' })), { defaultInstanceType: 'ml.g5.2xlarge', gated: true });
    assert.deepEqual(hubModelFacts(JSON.stringify({ DefaultInferenceInstanceType: 'ml.g5.2xlarge', HostingEulaUri: null })), { defaultInstanceType: 'ml.g5.2xlarge', gated: false });
    assert.deepEqual(hubModelFacts('{not json'), {});
    assert.deepEqual(hubModelFacts(undefined), {});
  });

  test('only read-only operations are called', () => {
    const operations = new Set(standin.requests.map((request) => request.operation));
    for (const operation of operations) assert.match(operation, /^(?:List|Describe)/);
  });
});

describe('failures', () => {
  test('a throttled call is retried by the SDK, then succeeds', async () => {
    await withStandin({ throttle: { DescribeModel: 1 } }, async (standin) => {
      const result = await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url });
      assert.ok(result.ok);
      assert.equal(standin.requests.filter((request) => request.operation === 'DescribeModel').length, 4, 'three models plus one retry');
    });
  });

  test('throttling that outlasts the retries is reported as throttling', async () => {
    await withStandin({ throttle: { ListEndpoints: 100 } }, async (standin) => {
      const failure = failureOf(await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url }));
      assert.equal(failure.code, 'throttled');
      assert.equal(failure.operation, 'ListEndpoints');
      assert.equal(standin.requests.length, 4, 'maxAttempts');
    });
  });

  test('AccessDenied names the missing IAM action', async () => {
    await withStandin({ accessDenied: ['DescribeModel'] }, async (standin) => {
      const failure = failureOf(await discoverEndpoints({ region: 'cn-northwest-1', endpointUrl: standin.url }));
      assert.deepEqual([failure.code, failure.action, failure.region], ['access-denied', 'sagemaker:DescribeModel', 'cn-northwest-1']);
    });
  });

  test('AccessDenied on the hub leaves the endpoints and reports the hub failure', async () => {
    await withStandin({ accessDenied: ['ListHubContents'] }, async (standin) => {
      const result = await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url, hubModelIds: ['deepseek-llm-r1'] });
      assert.ok(result.ok);
      assert.equal(result.endpoints.length, 4);
      assert.equal(result.hubFailure?.action, 'sagemaker:ListHubContents');
    });
  });

  test('AccessDenied on DescribeHubContent names that action', async () => {
    await withStandin({ accessDenied: ['DescribeHubContent'] }, async (standin) => {
      const result = await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url, hubModelIds: ['meta-textgeneration-llama-3-8b-instruct'] });
      assert.ok(result.ok);
      assert.equal(result.hubFailure?.action, 'sagemaker:DescribeHubContent');
    });
  });

  test('an expired token', async () => {
    await withStandin({}, async (standin) => {
      process.env.AWS_ACCESS_KEY_ID = 'EXPIRED';
      try {
        assert.equal(failureOf(await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url })).code, 'expired-token');
      } finally {
        process.env.AWS_ACCESS_KEY_ID = ISOLATED_ENV.AWS_ACCESS_KEY_ID;
      }
    });
  });

  test('credentials of another partition', async () => {
    await withStandin({}, async (standin) => {
      process.env.AWS_ACCESS_KEY_ID = 'GLOBAL';
      try {
        assert.equal(failureOf(await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url })).code, 'wrong-partition');
      } finally {
        process.env.AWS_ACCESS_KEY_ID = ISOLATED_ENV.AWS_ACCESS_KEY_ID;
      }
    });
  });

  test('no credentials at all, and a profile that does not exist: no request is sent', async () => {
    await withStandin({}, async (standin) => {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      try {
        assert.equal(failureOf(await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url })).code, 'no-credentials');
        const missing = failureOf(await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url, profile: 'china' }));
        assert.equal(missing.code, 'profile-not-found');
        assert.equal(missing.profile, 'china');
        assert.equal(standin.requests.length, 0);
      } finally {
        Object.assign(process.env, ISOLATED_ENV);
      }
    });
  });

  test('no endpoints is a result, not a failure', async () => {
    await withStandin({}, async (standin) => {
      const result = await discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url });
      assert.deepEqual(result.ok && result.endpoints, []);
    }, { endpoints: [], models: {} });
  });

  test('cancellation stops the calls and says so', async () => {
    await withStandin({ delayMs: 200 }, async (standin) => {
      const controller = new AbortController();
      const pending = discoverEndpoints({ region: 'cn-north-1', endpointUrl: standin.url, signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const failure = failureOf(await pending);
      assert.equal(failure.code, 'cancelled');
      assert.equal(standin.requests.length, 1);
    });
  });

  test('a network failure (nothing listening)', async () => {
    const failure = failureOf(await discoverEndpoints({ region: 'cn-north-1', endpointUrl: 'http://127.0.0.1:1' }));
    assert.equal(failure.code, 'network');
  });

  test('messages lose access key ids and signatures', () => {
    assert.equal(sanitize('key AKIAABCDEFGHIJKLMNOP and Signature=abc123, Credential=AKID/x'), 'key <redacted> and Signature=<redacted>, Credential=<redacted>');
  });
});

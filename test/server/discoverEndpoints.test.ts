// `bedrockToSagemaker/discoverEndpoints` over the protocol: the bundled server, spawned with --stdio, scans a temporary
// folder for Bedrock model ids and reads the endpoints of the loopback SageMaker control-plane stand-in (never AWS).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource, LSPErrorCodes, ResponseError, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd,
  type WorkDoneProgressReport, type WorkspaceFolder,
} from 'vscode-languageserver-protocol';
import { GenerateReportRequest } from '../../shared/reportProtocol';
import { DiscoverEndpointsRequest, type DiscoverEndpointsParams, type DiscoverEndpointsResult } from '../../shared/endpointsProtocol';
import { LspTestClient } from '../helpers/lspClient';
import { type ControlPlaneFaults, type ControlPlaneStandin, startControlPlaneStandin } from '../helpers/standins/sageMakerControlStandin';
import { createWorkspace, removeWorkspace } from '../cli/support/tempWorkspace';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

const APP_TS = [
  "export const LLAMA = 'meta.llama3-1-8b-instruct-v1:0';",
  "export const MISTRAL = 'mistral.mistral-7b-instruct-v0:2';",
  "export const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';",
  '',
].join('\n');

const PROBE = [
  "const Module = require('node:module');",
  'const load = Module._load;',
  'const seen = [];',
  'Module._load = function (request, ...rest) { seen.push(String(request)); return load.call(this, request, ...rest); };',
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify(seen)));",
  '',
].join('\n');

describe('discoverEndpoints over the protocol', { timeout: 120_000 }, () => {
  let workspace: string;
  let folders: WorkspaceFolder[];
  let standin: ControlPlaneStandin;
  const params = (overrides: Partial<DiscoverEndpointsParams> = {}): DiscoverEndpointsParams => ({
    region: 'cn-north-1', folders: folders.map((folder) => ({ ...folder, filesExclude: [] })), ...overrides,
  });

  before(async () => {
    workspace = createWorkspace({
      'app/src/models.ts': APP_TS, 'home/.aws/config': '[profile china]\nregion = cn-north-1\n', 'probe.cjs': PROBE,
      'home/.aws/credentials': '[china]\naws_access_key_id = AKIDPROFILEKEY\naws_secret_access_key = secret\n',
    });
    folders = [{ name: 'app', uri: pathToFileURL(join(workspace, 'app')).href }];
    standin = await startControlPlaneStandin();
    // The spawned server inherits these: its own HOME (no real ~/.aws), dummy keys, no instance metadata.
    Object.assign(process.env, {
      HOME: join(workspace, 'home'), AWS_ACCESS_KEY_ID: 'AKIDTESTKEY', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_SAGEMAKER: standin.url, PROBE_OUT: join(workspace, 'loaded.json'),
    });
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) delete process.env[name];
  });
  after(async () => {
    await standin.close();
    removeWorkspace(workspace);
  });

  async function withServer<T>(work: (client: LspTestClient) => Promise<T>, options: { trusted?: boolean; probe?: boolean; settings?: Record<string, unknown> } = {}): Promise<T> {
    const client = await LspTestClient.start({
      folders, initializationOptions: { locale: 'en', isTrusted: options.trusted ?? true },
      ...(options.settings ? { settings: { '*': options.settings } } : {}),
      ...(options.probe ? { execArgv: ['--require', join(workspace, 'probe.cjs')] } : {}),
    });
    try {
      return await work(client);
    } finally {
      await client.stop();
    }
  }

  async function withStandin(faults: ControlPlaneFaults, work: (other: ControlPlaneStandin) => Promise<void>): Promise<void> {
    const other = await startControlPlaneStandin(undefined, faults);
    const previous = process.env.AWS_ENDPOINT_URL_SAGEMAKER;
    process.env.AWS_ENDPOINT_URL_SAGEMAKER = other.url;
    try {
      await work(other);
    } finally {
      process.env.AWS_ENDPOINT_URL_SAGEMAKER = previous;
      await other.close();
    }
  }

  test('trusted: endpoints, matches with their locations, the proposed mapping, progress; the SDK loads only now', async () => {
    await withServer(async (client) => {
      // Start-up and analysis never load the discovery bundle.
      await client.open(`${folders[0]!.uri}/src/models.ts`, 'typescript', APP_TS);
      await client.diagnosticItems(`${folders[0]!.uri}/src/models.ts`);
      const progress: ProgressValue[] = [];
      const listener = client.connection.onProgress(WorkDoneProgress.type, 'discover-1', (value) => { progress.push(value); });
      const result = await client.connection.sendRequest(DiscoverEndpointsRequest.type, { ...params({ profile: 'china' }), workDoneToken: 'discover-1' });
      listener.dispose();
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.endpointCount, 4);
      assert.deepEqual(result.mapping, {
        'meta.llama3-1-8b-instruct-v1:0': { endpointName: 'shared-ic', inferenceComponentName: 'ic-llama-3-1-8b', container: 'lmi' },
        'mistral.mistral-7b-instruct-v0:2': { endpointName: 'mistral-tgi', container: 'tgi' },
      });
      assert.deepEqual(result.models.map((model) => [model.modelId, model.status, model.locations]), [
        ['anthropic.claude-3-haiku-20240307-v1:0', 'closed-weights', ['src/models.ts:3']],
        ['meta.llama3-1-8b-instruct-v1:0', 'matched', ['src/models.ts:1']],
        ['mistral.mistral-7b-instruct-v0:2', 'matched', ['src/models.ts:2']],
      ]);
      assert.ok(result.targets.some((target) => target.inferenceComponentName === 'ic-deepseek-r1' && target.inferenceComponentStatus === 'Creating'));
      assert.deepEqual(result.jumpStart?.find((entry) => entry.jumpStartId === 'huggingface-llm-mistral-7b-instruct'),
        { jumpStartId: 'huggingface-llm-mistral-7b-instruct', available: true, version: '2.1.0', defaultInstanceType: 'ml.g5.2xlarge', gated: false });
      assert.equal(progress[0]?.kind, 'begin');
      assert.ok(progress.some((value) => value.kind === 'report' && /Reading the SageMaker endpoints of cn-north-1… 4\/4/.test(value.message ?? '')));
      assert.deepEqual([...new Set(standin.requests.map((request) => `${request.accessKeyId} ${request.signingRegion}`))], ['AKIDPROFILEKEY cn-north-1']);
    }, { probe: true });
    const loaded = JSON.parse(readFileSync(join(workspace, 'loaded.json'), 'utf8')) as string[];
    assert.ok(loaded.some((request) => request.endsWith('sagemaker-discovery.js')));
  });

  test('the server starts and analyses without loading the discovery bundle', async () => {
    await withServer(async (client) => {
      await client.open(`${folders[0]!.uri}/src/models.ts`, 'typescript', APP_TS);
      assert.ok((await client.diagnosticItems(`${folders[0]!.uri}/src/models.ts`)).length > 0);
    }, { probe: true });
    const loaded = JSON.parse(readFileSync(join(workspace, 'loaded.json'), 'utf8')) as string[];
    assert.ok(loaded.length > 0 && !loaded.some((request) => /sagemaker-discovery|client-sagemaker/.test(request)));
  });

  test('the migration report of the session shows the JumpStart availability the connect checked', async () => {
    await withServer(async (client) => {
      const outputUri = pathToFileURL(join(workspace, 'app', '.bedrock-to-sagemaker', 'migration-report.md')).href;
      const report = () => client.connection.sendRequest(GenerateReportRequest.type, {
        workspaceName: 'app', folders: folders.map((folder) => ({ ...folder, filesExclude: [] })), format: 'markdown', outputUri,
      }).then(() => readFileSync(fileURLToPath(outputUri), 'utf8'));
      const start = standin.requests.length;
      const before = await report();
      assert.equal(standin.requests.length, start, 'a report never calls AWS');
      assert.match(before, /\| `meta\.llama3-1-8b-instruct-v1:0` \| JumpStart `meta-textgeneration-llama-3-1-8b-instruct` \| _not mapped_ \| not checked \|/);
      const requests = standin.requests.length;
      assert.ok((await client.connection.sendRequest(DiscoverEndpointsRequest.type, params())).ok);
      const afterConnect = standin.requests.length;
      assert.ok(afterConnect > requests);
      const after = await report();
      assert.match(after, /\| `meta\.llama3-1-8b-instruct-v1:0` \| JumpStart `meta-textgeneration-llama-3-1-8b-instruct` \| _not mapped_ \| available \(version 2\.1\.0\); default instance `ml\.g5\.4xlarge`; gated: EULA acceptance required \|/);
      assert.match(after, /\.deploy\(instance_type="ml\.g5\.4xlarge", accept_eula=True\)`\. The model is gated/, 'the deploy step accepts the EULA');
      assert.equal(standin.requests.length, afterConnect, 'the report itself made no call');
    }, { settings: { targetRegion: 'cn-north-1' } });
  });

  test('a connect scans the workspace as the report does, with its cache: a report after it reads no file', async () => {
    await withServer(async (client) => {
      assert.ok((await client.connection.sendRequest(DiscoverEndpointsRequest.type, params())).ok);
      const report = await client.connection.sendRequest(GenerateReportRequest.type, {
        workspaceName: 'app', folders: folders.map((folder) => ({ ...folder, filesExclude: [] })), format: 'json',
        outputUri: pathToFileURL(join(workspace, 'app', '.bedrock-to-sagemaker', 'after-connect.json')).href,
      });
      assert.ok(report.findings > 0);
      assert.deepEqual(report.work && { filesRead: report.work.filesRead, filesStatted: report.work.filesStatted > 0 }, { filesRead: 0, filesStatted: true });
    });
  });

  test('untrusted workspace: refused, no AWS call', async () => {
    const before = standin.requests.length;
    const result = await withServer((client) => client.connection.sendRequest(DiscoverEndpointsRequest.type, params()), { trusted: false });
    assert.deepEqual(result, { ok: false, code: 'untrusted', message: 'Connecting to SageMaker needs a trusted workspace: it uses your AWS credentials.' });
    assert.equal(standin.requests.length, before);
  });

  test('AccessDenied: a message naming the missing IAM action', async () => {
    await withStandin({ accessDenied: ['ListTags'] }, async () => {
      const result: DiscoverEndpointsResult = await withServer((client) => client.connection.sendRequest(DiscoverEndpointsRequest.type, params()));
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.code, 'access-denied');
      assert.match(result.message, /lack the IAM permission sagemaker:ListTags in cn-north-1/);
    });
  });

  test('cancelling the request aborts the AWS calls', async () => {
    await withStandin({ delayMs: 300 }, async (other) => {
      await withServer(async (client) => {
        const cancel = new CancellationTokenSource();
        const pending = client.connection.sendRequest(DiscoverEndpointsRequest.type, params(), cancel.token);
        while (other.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        cancel.cancel();
        await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
        await new Promise((resolve) => setTimeout(resolve, 400));
        assert.equal(other.requests.length, 1, 'no call after the cancelled one');
      });
    });
  });
});

// `bedrock-to-sagemaker endpoints`: the built CLI against the loopback SageMaker control-plane stand-in (never AWS).
// The CLI runs as an asynchronous child process, so the stand-in in this process can answer it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ControlPlaneFaults, type ControlPlaneStandin, startControlPlaneStandin } from '../helpers/standins/sageMakerControlStandin';
import { buildCli, REPO_ROOT, removeSnapshot } from './support/cliBuild';
import type { CliRun } from './support/runCli';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const APP_TS = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  "export const LLAMA = 'us.meta.llama3-1-8b-instruct-v1:0';",
  "export const MISTRAL = 'mistral.mistral-7b-instruct-v0:2';",
  "export const R1 = 'deepseek.r1-v1:0';",
  "export const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';",
  '',
].join('\n');

function runAsync(cli: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, nodeOptions: readonly string[] = []): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, cli, ...args], { cwd, env: { PATH: process.env.PATH, LANG: 'C', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, elapsedMs: Date.now() - started }));
  });
}

describe('endpoints command', { timeout: 120_000 }, () => {
  let cli: string;
  let workspace: string;
  let home: string;
  let standin: ControlPlaneStandin;

  /** A HOME of its own (no real ~/.aws), dummy keys, no instance metadata, and the stand-in as the SageMaker endpoint. */
  const envFor = (url: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    HOME: home, AWS_ACCESS_KEY_ID: 'AKIDTESTKEY', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_SAGEMAKER: url, ...extra,
  });
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}, url = standin.url) => runAsync(cli, ['endpoints', ...args], workspace, envFor(url, extra));

  async function withFaults(faults: ControlPlaneFaults, work: (other: ControlPlaneStandin) => Promise<void>): Promise<void> {
    const other = await startControlPlaneStandin(undefined, faults);
    try {
      await work(other);
    } finally {
      await other.close();
    }
  }

  before(async () => {
    cli = buildCli();
    workspace = createWorkspace({ 'src/app.ts': APP_TS, 'docs/notes.md': 'We call `meta.llama3-8b-instruct-v1:0` today.\n' });
    home = createWorkspace({ '.aws/credentials': '[china]\naws_access_key_id = AKIDPROFILEKEY\naws_secret_access_key = secret\n', '.aws/config': '[profile china]\nregion = cn-northwest-1\n' });
    standin = await startControlPlaneStandin();
  });
  after(async () => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
    removeWorkspace(home);
    await standin.close();
  });

  test('text: endpoints with status, container and model; each model id with its match; the proposed setting', async () => {
    const result = await run(['--region', 'cn-north-1']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^SageMaker endpoints in cn-north-1: 4$/m);
    assert.match(result.stdout, /^ {2}jumpstart-dft-llama-3-8b +InService +lmi +meta-textgeneration-llama-3-8b-instruct \(JumpStart\)$/m);
    assert.match(result.stdout, /^ {2}mistral-tgi +InService +tgi +mistralai\/Mistral-7B-Instruct-v0\.2, MESSAGES_API_ENABLED$/m);
    assert.match(result.stdout, /^ {4}ic-deepseek-r1 +Creating +lmi +deepseek-ai\/DeepSeek-R1$/m);
    assert.match(result.stdout, /^ {2}zz-old +Failed +details not readable/m);
    assert.match(result.stdout, /^ {2}meta\.llama3-1-8b-instruct-v1:0 {2}→ {2}shared-ic \/ ic-llama-3-1-8b \(lmi\)$/m);
    assert.match(result.stdout, /^ {6}found in src\/app\.ts:3$/m);
    assert.match(result.stdout, /^ {2}meta\.llama3-8b-instruct-v1:0 {2}→ {2}jumpstart-dft-llama-3-8b \(lmi\)$/m);
    assert.match(result.stdout, /^ {2}deepseek\.r1-v1:0 {2}→ {2}none in service yet: shared-ic\/ic-deepseek-r1 \(Creating\)$/m);
    assert.match(result.stdout, /^ {2}anthropic\.claude-3-haiku-20240307-v1:0 {2}→ {2}closed weights/m);
    assert.match(result.stdout, /^ {2}deepseek-llm-r1 {2}not available in this region$/m);
    assert.match(result.stdout, /^ {2}meta-textgeneration-llama-3-1-8b-instruct {2}available \(version 2\.1\.0\), default instance ml\.g5\.4xlarge, gated: accept its EULA to deploy$/m);
    assert.match(result.stdout, /^ {2}huggingface-llm-mistral-7b-instruct {2}available \(version 2\.1\.0\), default instance ml\.g5\.2xlarge$/m);
  });

  test('json: endpoints, models, the mapping keyed by the id without its geography, JumpStart availability', async () => {
    const result = await run(['--region', 'cn-north-1', '--format', 'json', 'src']);
    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout) as {
      region: string; endpoints: Array<{ endpointName: string }>; mapping: Record<string, unknown>;
      models: Array<{ modelId: string; status: string; foundAs: string[]; locations: string[] }>; jumpStart: Array<{ jumpStartId: string; available: boolean }>;
    };
    assert.equal(output.region, 'cn-north-1');
    assert.equal(output.endpoints.length, 4);
    assert.deepEqual(output.mapping, {
      'meta.llama3-1-8b-instruct-v1:0': { endpointName: 'shared-ic', inferenceComponentName: 'ic-llama-3-1-8b', container: 'lmi' },
      'mistral.mistral-7b-instruct-v0:2': { endpointName: 'mistral-tgi', container: 'tgi' },
    });
    const llama = output.models.find((model) => model.modelId === 'meta.llama3-1-8b-instruct-v1:0')!;
    assert.deepEqual([llama.status, llama.foundAs, llama.locations], ['matched', ['us.meta.llama3-1-8b-instruct-v1:0'], ['src/app.ts:3']]);
    assert.deepEqual(output.models.map((model) => model.status).sort(), ['closed-weights', 'matched', 'matched', 'not-in-service']);
    assert.ok(output.jumpStart.some((entry) => entry.jumpStartId === 'meta-textgeneration-llama-3-1-8b-instruct' && entry.available));
  });

  test('--write-config merges the mapping into a settings file, keeps other keys, and is stable when run again', async () => {
    const file = join(workspace, 'settings.json');
    writeFileSync(file, JSON.stringify({ targetRegion: 'cn-north-1', rules: { 'bedrock/import': 'off' }, endpoints: { 'meta.llama3-70b-instruct-v1:0': { endpointName: 'mine', container: 'lmi' } } }, null, 4));
    const first = await run(['--write-config', 'settings.json']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Wrote settings\.json: 3 added, 0 updated, 0 unchanged\./);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(written, {
      targetRegion: 'cn-north-1',
      rules: { 'bedrock/import': 'off' },
      endpoints: {
        'meta.llama3-70b-instruct-v1:0': { endpointName: 'mine', container: 'lmi' },
        'meta.llama3-1-8b-instruct-v1:0': { endpointName: 'shared-ic', inferenceComponentName: 'ic-llama-3-1-8b', container: 'lmi' },
        'meta.llama3-8b-instruct-v1:0': { endpointName: 'jumpstart-dft-llama-3-8b', container: 'lmi' },
        'mistral.mistral-7b-instruct-v0:2': { endpointName: 'mistral-tgi', container: 'tgi' },
      },
    });
    assert.match(readFileSync(file, 'utf8'), /^ {4}"targetRegion"/m, 'indentation kept');
    const second = await run(['--write-config', 'settings.json']);
    assert.match(second.stdout, /Wrote settings\.json: 0 added, 0 updated, 3 unchanged\./);
    // The written file is what `scan --config` reads: the mapped model id is now has-equivalent with the endpoint.
    const scan = await runAsync(cli, ['scan', 'src', '--config', 'settings.json', '--format', 'json'], workspace, { HOME: home });
    assert.match(scan.stdout, /maps to SageMaker endpoint 'mistral-tgi'/);
  });

  test('--write-config outside the current folder or over a file that is not JSON: refused before any AWS call', async () => {
    await withFaults({}, async (other) => {
      const outside = await run(['--write-config', '../settings.json'], {}, other.url);
      assert.equal(outside.status, 2);
      assert.match(outside.stderr, /Refusing to write \.\.\/settings\.json: --write-config must name a file inside the current folder\./);
      mkdirSync(join(workspace, 'conf'), { recursive: true });
      writeFileSync(join(workspace, 'conf', 'broken.json'), '{ "endpoints": ');
      const broken = await run(['--write-config', 'conf/broken.json'], {}, other.url);
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /The config file conf\/broken\.json is not valid JSON/);
      assert.equal(readFileSync(join(workspace, 'conf', 'broken.json'), 'utf8'), '{ "endpoints": ');
      assert.equal(other.requests.length, 0);
    });
  });

  test('a profile: its China region is used and its keys sign the calls; an unknown profile is a clear error', async () => {
    await withFaults({}, async (other) => {
      const result = await run(['--profile', 'china', '--format', 'json'], { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' }, other.url);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).region, 'cn-northwest-1');
      assert.deepEqual([...new Set(other.requests.map((request) => `${request.accessKeyId} ${request.signingRegion}`))], ['AKIDPROFILEKEY cn-northwest-1']);
      const missing = await run(['--profile', 'nope'], {}, other.url);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /There is no profile 'nope' in ~\/\.aws\/config or ~\/\.aws\/credentials\./);
    });
  });

  test('AccessDenied names the missing IAM action; exit 2', async () => {
    await withFaults({ accessDenied: ['ListInferenceComponents'] }, async (other) => {
      const result = await run([], {}, other.url);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Access denied: the credentials lack the IAM permission sagemaker:ListInferenceComponents in cn-northwest-1\./);
      assert.equal(result.stdout, '');
    });
  });

  test('expired token, credentials of another partition, no credentials', async () => {
    const expired = await run([], { AWS_ACCESS_KEY_ID: 'EXPIRED' });
    assert.equal(expired.status, 2);
    assert.match(expired.stderr, /The AWS credentials have expired/);
    const global = await run(['--region', 'cn-north-1'], { AWS_ACCESS_KEY_ID: 'GLOBAL' });
    assert.equal(global.status, 2);
    assert.match(global.stderr, /not valid in cn-north-1 \(partition aws-cn\)/);
    assert.doesNotMatch(global.stderr, /GLOBAL|test-secret/, 'no credentials in messages');
    const none = await run([], { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /No AWS credentials found/);
  });

  test('throttling is retried, then the command succeeds', async () => {
    await withFaults({ throttle: { ListEndpoints: 2 } }, async (other) => {
      const result = await run(['--format', 'json'], {}, other.url);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(other.requests.filter((request) => request.operation === 'ListEndpoints').length, 4);
    });
  });

  test('the endpoint names the workspace already uses are checked: settings files, code literals and code in Markdown', async () => {
    const checked = createWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.vscode/settings.json': '{\n  // chosen by hand\n  "bedrockToSagemaker.endpoints": {\n    "meta.llama3-8b-instruct-v1:0": { "endpointName": "zz-old", "container": "lmi" },\n  },\n}\n',
      'bedrock-to-sagemaker.config.json': '{ "endpoints": { "mistral.mistral-7b-instruct-v0:2": { "endpointName": "mistral-tgi", "container": "lmi" } } }\n',
      'src/call.ts': "export const input = { EndpointName: 'no-such-endpoint', Body: '{}' };\n",
      'docs/guide.md': "# Calling it\n\n```python\nruntime.invoke_endpoint(EndpointName='doc-endpoint', Body=body)\n```\n",
    });
    try {
      const text = await runAsync(cli, ['endpoints', '--region', 'cn-north-1'], checked, envFor(standin.url));
      assert.equal(text.status, 1, text.stderr); // problems fail a CI run, as findings do
      const accepted = await runAsync(cli, ['endpoints', '--region', 'cn-north-1', '--exit-zero'], checked, envFor(standin.url));
      assert.equal(accepted.status, 0, accepted.stderr);
      assert.equal(accepted.stdout, text.stdout);
      assert.match(text.stdout, /^Problems with the endpoints the workspace names \(4\):$/m);
      assert.match(text.stdout, /^ {2}\.vscode\/settings\.json:4:55 {2}The SageMaker endpoint 'zz-old' is Failed, not InService: Image pull failed {2}\[bedrock\/endpoint-validation\]$/m);
      assert.match(text.stdout, /^ {2}bedrock-to-sagemaker\.config\.json:1:72 {2}The SageMaker endpoint 'mistral-tgi' runs the TGI container, but the mapping says LMI/m);
      assert.match(text.stdout, /^ {2}src\/call\.ts:1:38 {2}There is no SageMaker endpoint 'no-such-endpoint' in cn-north-1/m);
      assert.match(text.stdout, /^ {2}docs\/guide\.md:4:38 {2}There is no SageMaker endpoint 'doc-endpoint' in cn-north-1/m);
      const json = await runAsync(cli, ['endpoints', '--region', 'cn-north-1', '--format', 'json'], checked, envFor(standin.url));
      const problems = (JSON.parse(json.stdout) as { problems: Array<{ file: string; code: string; endpointName: string }> }).problems;
      assert.deepEqual(problems.map((problem) => [problem.file, problem.code, problem.endpointName]), [
        ['.vscode/settings.json', 'not-in-service', 'zz-old'],
        ['bedrock-to-sagemaker.config.json', 'container-mismatch', 'mistral-tgi'],
        ['docs/guide.md', 'not-found', 'doc-endpoint'],
        ['src/call.ts', 'not-found', 'no-such-endpoint'],
      ]);
    } finally {
      removeWorkspace(checked);
    }
  });

  test('help and bad arguments', async () => {
    const help = await run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: bedrock-to-sagemaker endpoints \[paths\.\.\.\] \[options\]/);
    assert.match(help.stdout, /sagemaker:ListEndpoints/);
    const bad = await run(['--region', 'us-east-1']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Invalid value "us-east-1" for --region/);
  });
});

describe('scan and report never load the SageMaker SDK', { timeout: 120_000 }, () => {
  test('the CLI and server bundles do not contain it; discovery is its own bundle', () => {
    buildCli();
    for (const bundle of ['cli-main.js', 'server.js']) {
      const text = readFileSync(join(REPO_ROOT, 'server', 'out', bundle), 'utf8');
      assert.doesNotMatch(text, /ListEndpointsCommand|SageMakerClient\b/, bundle);
    }
    assert.match(readFileSync(join(REPO_ROOT, 'server', 'out', 'sagemaker-discovery.js'), 'utf8'), /ListEndpointsCommand/);
  });

  test('`scan examples` runs without requiring sagemaker-discovery.js', async () => {
    const cli = buildCli();
    const probe = createWorkspace({
      'probe.cjs': [
        "const Module = require('node:module');",
        'const load = Module._load;',
        'const seen = [];',
        'Module._load = function (request, ...rest) { seen.push(String(request)); return load.call(this, request, ...rest); };',
        "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify(seen)));",
        '',
      ].join('\n'),
    });
    try {
      const out = join(probe, 'loaded.json');
      const result = await runAsync(cli, ['scan', 'examples', '--exit-zero'], REPO_ROOT,
        { PROBE_OUT: out, BEDROCK_TO_SAGEMAKER_NO_COMPILE_CACHE: '1' }, ['--require', join(probe, 'probe.cjs')]);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(existsSync(out));
      const loaded = JSON.parse(readFileSync(out, 'utf8')) as string[];
      assert.ok(loaded.length > 0);
      assert.ok(!loaded.some((request) => /sagemaker-discovery|client-sagemaker/.test(request)), loaded.filter((request) => /sagemaker/.test(request)).join(', '));
      // The probe does see it when the endpoints command runs (no credentials: it fails after loading the bundle).
      const endpoints = await runAsync(cli, ['endpoints', 'examples'], REPO_ROOT,
        { PROBE_OUT: out, HOME: probe, AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL_SAGEMAKER: 'http://127.0.0.1:1' }, ['--require', join(probe, 'probe.cjs')]);
      assert.equal(endpoints.status, 2);
      assert.ok((JSON.parse(readFileSync(out, 'utf8')) as string[]).some((request) => request.endsWith('sagemaker-discovery.js')));
    } finally {
      removeSnapshot(cli);
      removeWorkspace(probe);
    }
  });
});

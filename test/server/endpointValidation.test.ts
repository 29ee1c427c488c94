// Endpoint validation over the protocol: the bundled server marks the endpoint names of .vscode/settings.json, the
// CLI config file and code only after an explicit connect (discoverEndpoints against the loopback control-plane
// stand-in, never AWS), with the problems the discovery shows; before it, nothing is checked.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, WorkspaceFolder } from 'vscode-languageserver-protocol';
import { DiscoverEndpointsRequest } from '../../shared/endpointsProtocol';
import { LspTestClient } from '../helpers/lspClient';
import { type ControlPlaneStandin, defaultFixture, startControlPlaneStandin, TGI_IMAGE } from '../helpers/standins/sageMakerControlStandin';
import { createWorkspace, removeWorkspace } from '../cli/support/tempWorkspace';

const LLAMA3 = 'meta.llama3-8b-instruct-v1:0';
const LLAMA31 = 'meta.llama3-1-8b-instruct-v1:0';
const MISTRAL = 'mistral.mistral-7b-instruct-v0:2';

const ENDPOINTS = {
  [LLAMA3]: { endpointName: 'jumpstart-dft-llama-3-8b', container: 'lmi' },
  [LLAMA31]: { endpointName: 'shared-ic', inferenceComponentName: 'ic-deepseek-r1', container: 'lmi' },
  [MISTRAL]: { endpointName: 'mistral-tgi-plain', container: 'tgi' },
};

const SETTINGS_JSON = `{
  // endpoints chosen by hand
  "bedrockToSagemaker.endpoints": ${JSON.stringify(ENDPOINTS, null, 2).replace(/\n/g, '\n  ')},
}
`;

const CONFIG_JSON = `${JSON.stringify({ endpoints: { [LLAMA3]: { endpointName: 'zz-old', container: 'lmi' } } }, null, 2)}\n`;

const CODE_TS = [
  "import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';",
  'const client = new SageMakerRuntimeClient({});',
  'export const SAGEMAKER_ENDPOINTS = {',
  `  '${MISTRAL}': { EndpointName: 'jumpstart-dft-llama-3-8b' },`,
  '};',
  "export const ask = (body: string) => client.send(new InvokeEndpointCommand({ EndpointName: 'no-such-endpoint', Body: body }));",
  "export const fine = (body: string) => client.send(new InvokeEndpointCommand({ EndpointName: 'jumpstart-dft-llama-3-8b', Body: body }));",
  '',
].join('\n');
const GUIDE_MD = "# Calling it\n\n```python\nruntime.invoke_endpoint(EndpointName='doc-endpoint', Body=body)\n```\n";

describe('endpoint validation over the protocol', { timeout: 120_000 }, () => {
  let workspace: string;
  let folders: WorkspaceFolder[];
  let standin: ControlPlaneStandin;
  const uri = (path: string) => pathToFileURL(join(workspace, 'app', path)).href;

  before(async () => {
    workspace = createWorkspace({
      'app/.vscode/settings.json': SETTINGS_JSON, 'app/bedrock-to-sagemaker.config.json': CONFIG_JSON, 'app/src/code.ts': CODE_TS,
      'home/.aws/config': '',
    });
    folders = [{ name: 'app', uri: pathToFileURL(join(workspace, 'app')).href }];
    const fixture = defaultFixture();
    fixture.endpoints.push({ name: 'mistral-tgi-plain', status: 'InService', variants: [{ variantName: 'AllTraffic', modelName: 'mistral-plain-model' }] });
    fixture.models['mistral-plain-model'] = { image: TGI_IMAGE, environment: { HF_MODEL_ID: 'mistralai/Mistral-7B-Instruct-v0.2' } };
    standin = await startControlPlaneStandin(fixture);
    Object.assign(process.env, {
      HOME: join(workspace, 'home'), AWS_ACCESS_KEY_ID: 'AKIDTESTKEY', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_SAGEMAKER: standin.url,
    });
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) delete process.env[name];
  });
  after(async () => {
    await standin.close();
    removeWorkspace(workspace);
  });

  const validation = (items: Diagnostic[]) => items.filter((item) => item.code === 'bedrock/endpoint-validation');
  const marked = (text: string, items: Diagnostic[]) => validation(items).map((item) => {
    const line = text.split('\n')[item.range.start.line]!;
    return [line.slice(item.range.start.character, item.range.end.character), (item.data as { endpointProblem: string }).endpointProblem];
  });

  test('nothing is checked before a connect; after it, settings, config, code literals and code in Markdown are marked', async () => {
    const client = await LspTestClient.start({
      folders, initializationOptions: { locale: 'en', isTrusted: true }, settings: { '*': { targetRegion: 'cn-north-1', endpoints: ENDPOINTS } },
    });
    try {
      await client.open(uri('.vscode/settings.json'), 'jsonc', SETTINGS_JSON);
      await client.open(uri('bedrock-to-sagemaker.config.json'), 'json', CONFIG_JSON);
      await client.open(uri('src/code.ts'), 'typescript', CODE_TS);
      await client.open(uri('docs/guide.md'), 'markdown', GUIDE_MD);
      for (const path of ['.vscode/settings.json', 'bedrock-to-sagemaker.config.json', 'src/code.ts', 'docs/guide.md']) {
        assert.deepEqual(validation(await client.diagnosticItems(uri(path))), [], `${path}: no validation before a connect`);
      }
      assert.equal(standin.requests.length, 0, 'no AWS call without a connect');

      const refreshed = client.nextRefresh();
      const result = await client.connection.sendRequest(DiscoverEndpointsRequest.type, { region: 'cn-north-1', folders: folders.map((folder) => ({ ...folder, filesExclude: [] })) });
      assert.equal(result.ok, true);
      await refreshed;

      assert.deepEqual(marked(SETTINGS_JSON, await client.diagnosticItems(uri('.vscode/settings.json'))), [
        ['"ic-deepseek-r1"', 'component-not-in-service'],
        ['"ic-deepseek-r1"', 'other-model'],
        ['"mistral-tgi-plain"', 'no-messages-api'],
      ]);
      const config = await client.diagnosticItems(uri('bedrock-to-sagemaker.config.json'));
      assert.deepEqual(marked(CONFIG_JSON, config), [['"zz-old"', 'not-in-service']]);
      assert.match(String(validation(config)[0]!.message), /'zz-old' is Failed, not InService: Image pull failed/);
      assert.equal(validation(config)[0]!.codeDescription?.href.endsWith('#bedrock-endpoint-validation'), true);
      const code = await client.diagnosticItems(uri('src/code.ts'));
      assert.deepEqual(marked(CODE_TS, code), [
        ["'jumpstart-dft-llama-3-8b'", 'other-model'],
        ["'no-such-endpoint'", 'not-found'],
      ]);
      assert.match(String(validation(code)[1]!.message), /no SageMaker endpoint 'no-such-endpoint' in cn-north-1/);
      // The code in a Markdown document is checked as code is (a Python fence here).
      assert.deepEqual(marked(GUIDE_MD, await client.diagnosticItems(uri('docs/guide.md'))), [["'doc-endpoint'", 'not-found']]);
    } finally {
      await client.stop();
    }
  });

  test('the rules setting turns the validation off', async () => {
    const client = await LspTestClient.start({
      folders, initializationOptions: { locale: 'en', isTrusted: true },
      settings: { '*': { targetRegion: 'cn-north-1', endpoints: ENDPOINTS, rules: { 'bedrock/endpoint-validation': 'off' } } },
    });
    try {
      await client.open(uri('src/code.ts'), 'typescript', CODE_TS);
      const refreshed = client.nextRefresh();
      const result = await client.connection.sendRequest(DiscoverEndpointsRequest.type, { region: 'cn-north-1', folders: folders.map((folder) => ({ ...folder, filesExclude: [] })) });
      assert.equal(result.ok, true);
      await refreshed;
      const items = await client.diagnosticItems(uri('src/code.ts'));
      assert.ok(items.length > 0, 'the engine findings are still there');
      assert.deepEqual(validation(items), []);
    } finally {
      await client.stop();
    }
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { type ControlPlaneStandin, startControlPlaneStandin } from '../../helpers/standins/sageMakerControlStandin';

// Connect to SageMaker Endpoints… in a real VS Code: the language server (restarted so it inherits the environment
// below) reads the endpoints of the loopback SageMaker control-plane stand-in, never AWS; the test accepts the
// proposed endpoint in the QuickPick and checks what lands in the workspace settings.
suite('connect to SageMaker endpoints', () => {
  let standin: ControlPlaneStandin;
  const saved: Record<string, string | undefined> = {};
  const environment = (url: string): Record<string, string> => ({
    AWS_ENDPOINT_URL_SAGEMAKER: url, AWS_ACCESS_KEY_ID: 'AKIDTESTKEY', AWS_SECRET_ACCESS_KEY: 'test-secret',
    AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  });

  suiteSetup(async () => {
    standin = await startControlPlaneStandin();
    for (const [name, value] of Object.entries(environment(standin.url))) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    await vscode.commands.executeCommand('bedrockToSagemaker.restartServer');
  });

  suiteTeardown(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await vscode.workspace.getConfiguration('bedrockToSagemaker').update('endpoints', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('bedrockToSagemaker.restartServer');
    await standin.close();
  });

  test('the proposed endpoint of each model id is written to bedrockToSagemaker.endpoints', async () => {
    let finished = false;
    const running = Promise.resolve(vscode.commands.executeCommand('bedrockToSagemaker.connectEndpoints', { profile: '', region: 'cn-north-1' }))
      .finally(() => { finished = true; });
    // One QuickPick per model id, the proposal on top: accept whatever is selected until the command is done.
    while (!finished) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await running;
    const endpoints = vscode.workspace.getConfiguration('bedrockToSagemaker').inspect<Record<string, unknown>>('endpoints')?.workspaceValue;
    assert.deepStrictEqual(endpoints?.['meta.llama3-8b-instruct-v1:0'], { endpointName: 'jumpstart-dft-llama-3-8b', container: 'lmi' });
    const listed = standin.requests.filter((request) => request.operation === 'ListEndpoints');
    assert.ok(listed.length > 0 && listed.every((request) => request.signingRegion === 'cn-north-1'), 'signed for cn-north-1');
  });
});

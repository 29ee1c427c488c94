import * as assert from 'assert';
import * as vscode from 'vscode';
import { type ControlPlaneStandin, startControlPlaneStandin } from '../../helpers/standins/sageMakerControlStandin';
import { applyCodeAction, preferredQuickFix } from '../helpers/codeActions';
import { ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { copyOf, fileIn, folderNamed, openEditor, withFolderSettings } from '../helpers/workspace';

// Connect to SageMaker Endpoints… in a real VS Code: the language server (restarted so it inherits the environment
// below) reads the endpoints of the loopback SageMaker control-plane stand-in, never AWS; the test accepts the
// proposed endpoint in the QuickPick and checks what lands in the workspace settings, that a fix then writes that
// endpoint, and that an endpoint name the connect did not find is marked. The tests run in order: the later ones use
// the mapping and the discovery of the first.
suite('connect to SageMaker endpoints', () => {
  let standin: ControlPlaneStandin;
  const created: vscode.Uri[] = [];
  const folder = () => folderNamed('workspace');
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
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
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

  test('a quick fix then writes the connected endpoint instead of a placeholder', async () => {
    const adapterPath = 'src/connected-converse.ts';
    created.push(fileIn(folder(), adapterPath));
    await withFolderSettings(folder(), { 'bedrockToSagemaker.adapterPath': adapterPath }, async () => {
      const target = await copyOf(fileIn(folder(), 'src/chat.ts'), 'connected.ts');
      created.push(target);
      const editor = await openEditor(target);
      const diagnostics = await waitForDiagnostics(target, 'the InvokeModel finding', (ds) => ds.some((d) => ruleOf(d) === 'bedrock/invoke-model'));
      await applyCodeAction(await preferredQuickFix(target, diagnostics.find((d) => ruleOf(d) === 'bedrock/invoke-model')!));
      await waitForDiagnostics(target, 'the InvokeModel finding gone', (ds) => !ds.some((d) => ruleOf(d) === 'bedrock/invoke-model'));
      const text = editor.document.getText();
      assert.match(text, /EndpointName: 'jumpstart-dft-llama-3-8b'/, 'the endpoint the connect mapped');
      assert.doesNotMatch(text, /TODO-endpoint-for-/, 'no placeholder');
      await editor.document.save();
    });
  });

  test('an endpoint name the connect did not find, or one not in service, gets bedrock/endpoint-validation', async () => {
    const target = fileIn(folder(), 'src/stale-endpoints.ts');
    created.push(target);
    const text = [
      "export const stale = { EndpointName: 'no-such-endpoint', Body: '{}' };",
      "export const broken = { EndpointName: 'zz-old', Body: '{}' };",
      "export const fine = { EndpointName: 'jumpstart-dft-llama-3-8b', Body: '{}' };",
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await openEditor(target);
    const diagnostics = await waitForDiagnostics(target, 'two endpoint validation problems',
      (ds) => ds.filter((d) => ruleOf(d) === 'bedrock/endpoint-validation').length === 2);
    const found = diagnostics.filter((d) => ruleOf(d) === 'bedrock/endpoint-validation').map((d) => [d.range.start.line, d.message]);
    assert.deepStrictEqual(found.map(([line]) => line), [0, 1]);
    assert.match(String(found[0]![1]), /no SageMaker endpoint 'no-such-endpoint' in cn-north-1/);
    assert.match(String(found[1]![1]), /'zz-old' is Failed, not InService/);
    assert.strictEqual(standin.requests.filter((request) => request.operation === 'ListEndpoints').length, 2, 'from the connect only (two pages), no call of its own');
  });
});

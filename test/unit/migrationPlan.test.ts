// The migration plan shared by scan --fix and Migrate Workspace (engine/project/migrationPlan.ts): pure, texts in,
// decisions out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, refineFixability } from '../../server/src/engine/fixes';
import { planMigration, type PlanPackageJson, type PlanScript } from '../../server/src/engine/project/migrationPlan';
import { normalizeSettings } from '../../server/src/engine/settings';

const settings = normalizeSettings({ endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } });

const MIGRATES = [
  "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
  "export const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
].join('\n');
const GUARD = [
  "import { BedrockRuntimeClient, ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';",
  "export const check = () => new BedrockRuntimeClient({}).send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
  '',
].join('\n');
const PACKAGE_JSON = '{\n  "dependencies": {\n    "@aws-sdk/client-bedrock-runtime": "^3.600.0"\n  }\n}\n';

function script(path: string, packageRoot: string, text: string): PlanScript {
  const input = { text, languageId: 'typescript' as const, settings, fileName: path, workspaceRelativePath: path };
  return { path, packageRoot, text, findings: refineFixability(input, analyze(input).findings) };
}

function packageJson(packageRoot: string, text = PACKAGE_JSON): PlanPackageJson {
  const path = packageRoot === '' ? 'package.json' : `${packageRoot}/package.json`;
  return { path, packageRoot, text, findings: analyze({ text, languageId: 'json', settings, fileName: path }).findings };
}

describe('migration plan', () => {
  it('a package whose code migrates trades Bedrock Runtime for SageMaker Runtime; its finding is fixable', () => {
    const plan = planMigration([script('a/src/x.ts', 'a', MIGRATES)], [packageJson('a')]);
    const planned = plan.packageJsons.get('a/package.json')!;
    assert.equal(planned.migrating, true);
    const after = JSON.parse(applyEdits(PACKAGE_JSON, planned.edits));
    assert.deepEqual(Object.keys(after.dependencies), ['@aws-sdk/client-sagemaker-runtime']);
    assert.ok(planned.findings.every((finding) => finding.fixable));
  });

  it('a package whose code cannot migrate keeps its package.json, and its findings say why', () => {
    const plan = planMigration([script('b/src/guard.ts', 'b', GUARD)], [packageJson('b')]);
    const planned = plan.packageJsons.get('b/package.json')!;
    assert.equal(planned.migrating, false);
    assert.deepEqual(planned.edits, []);
    assert.ok(planned.findings.every((finding) => !finding.fixable && /no code of this package is migrated/.test(String(finding.data.notFixed))));
  });

  it('a file without findings that still imports Bedrock Runtime keeps it listed; SageMaker Runtime is added beside it', () => {
    const quiet: PlanScript = { path: 'c/src/quiet.ts', packageRoot: 'c', text: '', imports: ['@aws-sdk/client-bedrock-runtime'], findings: [] };
    const plan = planMigration([script('c/src/x.ts', 'c', MIGRATES), quiet], [packageJson('c')]);
    const after = JSON.parse(applyEdits(PACKAGE_JSON, plan.packageJsons.get('c/package.json')!.edits));
    assert.deepEqual(Object.keys(after.dependencies).sort(), ['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-sagemaker-runtime']);
  });
});

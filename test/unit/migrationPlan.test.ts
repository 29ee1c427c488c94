// The migration plan shared by scan --fix and Migrate Workspace (engine/project/migrationPlan.ts): pure, texts in,
// decisions out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, refineFixability } from '../../server/src/engine/fixes';
import { DependencyProviders, enclosingRoots } from '../../server/src/engine/project/dependencyProviders';
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

// A monorepo whose root lists the Bedrock client its packages use (npm, Yarn and pnpm workspaces install it there):
// the migration edits the package.json that provides the package, not the nearest one.
describe('migration plan: a dependency the workspace root lists', () => {
  const ROOT_ONLY = '{\n  "private": true,\n  "workspaces": ["packages/*"],\n  "dependencies": {\n    "@aws-sdk/client-bedrock-runtime": "^3.600.0"\n  }\n}\n';
  const dependenciesAfter = (plan: ReturnType<typeof planMigration>, path: string, text: string) => Object.keys(JSON.parse(applyEdits(text, plan.packageJsons.get(path)!.edits)).dependencies ?? {}).sort();

  it('code of a package that lists nothing migrates: the root trades Bedrock Runtime for SageMaker Runtime', () => {
    const plan = planMigration([script('packages/llm/src/x.ts', 'packages/llm', MIGRATES)], [packageJson('', ROOT_ONLY)]);
    const root = plan.packageJsons.get('package.json')!;
    assert.equal(root.migrating, true);
    assert.deepEqual(dependenciesAfter(plan, 'package.json', ROOT_ONLY), ['@aws-sdk/client-sagemaker-runtime']);
    assert.ok(root.findings.length > 0 && root.findings.every((finding) => finding.fixable));
  });

  it('a file of another package that still imports Bedrock Runtime through the root keeps it listed there', () => {
    const quiet: PlanScript = { path: 'packages/app/src/quiet.ts', packageRoot: 'packages/app', text: '', imports: ['@aws-sdk/client-bedrock-runtime'], findings: [] };
    const plan = planMigration([script('packages/llm/src/x.ts', 'packages/llm', MIGRATES), quiet], [packageJson('', ROOT_ONLY)]);
    assert.deepEqual(dependenciesAfter(plan, 'package.json', ROOT_ONLY), ['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-sagemaker-runtime']);
    assert.ok(plan.packageJsons.get('package.json')!.findings.every((finding) => !finding.fixable));
  });

  it('a package that lists the client itself takes the change; the root, which lists it too, is left alone', () => {
    const plan = planMigration([script('packages/llm/src/x.ts', 'packages/llm', MIGRATES)], [packageJson('', ROOT_ONLY), packageJson('packages/llm')]);
    assert.deepEqual(dependenciesAfter(plan, 'packages/llm/package.json', PACKAGE_JSON), ['@aws-sdk/client-sagemaker-runtime']);
    const root = plan.packageJsons.get('package.json')!;
    assert.equal(root.migrating, false);
    assert.deepEqual(root.edits, []);
  });

  it('code that cannot migrate leaves the root as it is', () => {
    const plan = planMigration([script('packages/llm/src/guard.ts', 'packages/llm', GUARD)], [packageJson('', ROOT_ONLY)]);
    const root = plan.packageJsons.get('package.json')!;
    assert.equal(root.migrating, false);
    assert.deepEqual(root.edits, []);
  });

  it('the SageMaker client goes beside the runtime client it replaces, not a nearer control-plane client', () => {
    const listed = new Map([['packages/llm', new Set(['@aws-sdk/client-bedrock'])], ['', new Set(['@aws-sdk/client-bedrock-runtime'])]]);
    const providers = new DependencyProviders((root) => listed.get(root));
    const enclosing = enclosingRoots('packages/llm');
    assert.equal(providers.bedrockProviderOf(['@aws-sdk/client-bedrock', '@aws-sdk/client-bedrock-runtime'], enclosing), '');
    assert.equal(providers.bedrockProviderOf(['@aws-sdk/client-bedrock'], enclosing), 'packages/llm');
    assert.equal(providers.bedrockProviderOf(['zod'], enclosing), undefined);
  });

  it('enclosingRoots lists a package root and the folders above it, nearest first', () => {
    assert.deepEqual(enclosingRoots('packages/llm'), ['packages/llm', 'packages', '']);
    assert.deepEqual(enclosingRoots(''), ['']);
  });
});

// Issue #16: LangChain chat models. The package.json edits come from the imports the migrated files will have,
// and a neighbour typed by the Bedrock class holds the file back.
const CHAT = [
  'import { ChatBedrockConverse } from "@langchain/aws";',
  'export const model = new ChatBedrockConverse({ model: "meta.llama3-8b-instruct-v1:0", region: "us-east-1" });',
  '',
].join('\n');
const CHAT_AND_EMBEDDINGS = [
  'import { BedrockEmbeddings, ChatBedrockConverse } from "@langchain/aws";',
  'export const model = new ChatBedrockConverse({ model: "meta.llama3-8b-instruct-v1:0", region: "us-east-1" });',
  'export const embeddings = new BedrockEmbeddings({ region: "us-east-1" });',
  '',
].join('\n');
const TYPED_NEIGHBOUR = [
  'import type { ChatBedrockConverse } from "@langchain/aws";',
  'import { model } from "./model";',
  'export const same: ChatBedrockConverse = model;',
  '',
].join('\n');
const LANGCHAIN_PACKAGE_JSON = '{\n  "dependencies": {\n    "@langchain/aws": "^1.4.5",\n    "zod": "^3.0.0"\n  }\n}\n';

describe('migration plan: LangChain chat models', () => {
  it('a migrated chat model trades @langchain/aws for the SageMaker Runtime client and @langchain/core; the finding is fixable', () => {
    const plan = planMigration([script('src/model.ts', '', CHAT)], [packageJson('', LANGCHAIN_PACKAGE_JSON)]);
    const planned = plan.packageJsons.get('package.json')!;
    assert.equal(planned.migrating, true);
    const after = JSON.parse(applyEdits(LANGCHAIN_PACKAGE_JSON, planned.edits)) as { dependencies: Record<string, string> };
    assert.deepEqual(after.dependencies, { '@aws-sdk/client-sagemaker-runtime': '^3.0.0', '@langchain/core': '^1.0.0', zod: '^3.0.0' });
    assert.deepEqual(planned.findings.map((finding) => [finding.data.module, finding.fixable]), [['@langchain/aws', true]]);
  });

  it('a file that still uses BedrockEmbeddings keeps @langchain/aws listed, and its finding says why', () => {
    const plan = planMigration([script('src/model.ts', '', CHAT_AND_EMBEDDINGS)], [packageJson('', LANGCHAIN_PACKAGE_JSON)]);
    const planned = plan.packageJsons.get('package.json')!;
    const after = JSON.parse(applyEdits(LANGCHAIN_PACKAGE_JSON, planned.edits)) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(after.dependencies), ['@aws-sdk/client-sagemaker-runtime', '@langchain/aws', '@langchain/core', 'zod']);
    assert.deepEqual(planned.findings.map((finding) => finding.fixable), [false]);
  });

  it('a neighbour typed with ChatBedrockConverse holds the chat model back: migrating it alone would not compile', () => {
    const plan = planMigration([script('src/model.ts', '', CHAT), script('src/same.ts', '', TYPED_NEIGHBOUR)], [packageJson('', LANGCHAIN_PACKAGE_JSON)]);
    const model = plan.scripts.get('src/model.ts')!;
    assert.ok(model.every((finding) => !finding.fixable), 'nothing of model.ts is fixed');
    assert.match(String(model.find((finding) => finding.ruleId === 'bedrock/langchain')?.data.notFixed), /src\/same\.ts/);
    assert.equal(plan.packageJsons.get('package.json')!.migrating, false);
  });
});

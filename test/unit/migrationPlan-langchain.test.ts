// The migration plan (engine/project/migrationPlan.ts) for LangChain chat models (issue #16): package.json edits
// from the imports the migrated files will have, and files held back with a neighbour typed by the Bedrock class.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, refineFixability } from '../../server/src/engine/fixes';
import { planMigration, type PlanPackageJson, type PlanScript } from '../../server/src/engine/project/migrationPlan';
import { normalizeSettings } from '../../server/src/engine/settings';

const settings = normalizeSettings({ endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } });

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
const PACKAGE_JSON = '{\n  "dependencies": {\n    "@langchain/aws": "^1.4.5",\n    "zod": "^3.0.0"\n  }\n}\n';

function script(path: string, text: string): PlanScript {
  const input = { text, languageId: 'typescript' as const, settings, fileName: path, workspaceRelativePath: path };
  return { path, packageRoot: '', text, findings: refineFixability(input, analyze(input).findings) };
}

function packageJson(text = PACKAGE_JSON): PlanPackageJson {
  return { path: 'package.json', packageRoot: '', text, findings: analyze({ text, languageId: 'json', settings, fileName: 'package.json' }).findings };
}

describe('migration plan: LangChain chat models', () => {
  it('a migrated chat model trades @langchain/aws for the SageMaker Runtime client and @langchain/core; the finding is fixable', () => {
    const plan = planMigration([script('src/model.ts', CHAT)], [packageJson()]);
    const planned = plan.packageJsons.get('package.json')!;
    assert.equal(planned.migrating, true);
    const after = JSON.parse(applyEdits(PACKAGE_JSON, planned.edits)) as { dependencies: Record<string, string> };
    assert.deepEqual(after.dependencies, { '@aws-sdk/client-sagemaker-runtime': '^3.0.0', '@langchain/core': '^1.0.0', zod: '^3.0.0' });
    assert.deepEqual(planned.findings.map((finding) => [finding.data.module, finding.fixable]), [['@langchain/aws', true]]);
  });

  it('a file that still uses BedrockEmbeddings keeps @langchain/aws listed, and its finding says why', () => {
    const plan = planMigration([script('src/model.ts', CHAT_AND_EMBEDDINGS)], [packageJson()]);
    const planned = plan.packageJsons.get('package.json')!;
    const after = JSON.parse(applyEdits(PACKAGE_JSON, planned.edits)) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(after.dependencies), ['@aws-sdk/client-sagemaker-runtime', '@langchain/aws', '@langchain/core', 'zod']);
    assert.deepEqual(planned.findings.map((finding) => finding.fixable), [false]);
  });

  it('a neighbour typed with ChatBedrockConverse holds the chat model back: migrating it alone would not compile', () => {
    const plan = planMigration([script('src/model.ts', CHAT), script('src/same.ts', TYPED_NEIGHBOUR)], [packageJson()]);
    const model = plan.scripts.get('src/model.ts')!;
    assert.ok(model.every((finding) => !finding.fixable), 'nothing of model.ts is fixed');
    assert.match(String(model.find((finding) => finding.ruleId === 'bedrock/langchain')?.data.notFixed), /src\/same\.ts/);
    assert.equal(plan.packageJsons.get('package.json')!.migrating, false);
  });
});

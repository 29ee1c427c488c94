// The report's "Deployment plan": open-weight models only, mapped endpoints from the settings, and JumpStart
// availability only when a connect of this session checked the same region ("not checked" and how to check otherwise).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildReport, renderMarkdown } from '../../server/src/report';
import type { FileResult, LocatedFinding, ReportOptions } from '../../server/src/report';

const modelId = (line: number, data: LocatedFinding['data']): LocatedFinding => ({
  ruleId: 'bedrock/model-id', category: data?.openWeights ? 'has-equivalent' : 'no-equivalent', fixable: false, severity: 'warning',
  message: 'model id', equivalent: 'x', start: { line, character: 0 }, end: { line, character: 5 }, data,
});

const FILES: FileResult[] = [{
  folder: 'app', path: 'src/models.ts', languageId: 'typescript', findings: [
    modelId(0, { modelId: 'us.meta.llama3-1-8b-instruct-v1:0', openWeights: true, jumpStartId: 'meta-textgeneration-llama-3-1-8b-instruct', endpointName: 'shared-ic', inferenceComponentName: 'ic-llama' }),
    modelId(1, { modelId: 'deepseek.r1-v1:0', openWeights: true, jumpStartId: 'deepseek-llm-r1' }),
    modelId(2, { modelId: 'openai.gpt-oss-20b-1:0', openWeights: true }),
    modelId(3, { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', openWeights: false }),
    modelId(4, { modelId: 'meta.llama3-${…}-instruct-v1:0', openWeights: true }),
  ],
}];

const options = (overrides: Partial<ReportOptions> = {}): ReportOptions => ({
  workspaceName: 'app', locale: 'en', date: '2026-12-06', targetRegion: 'cn-north-1', folders: [{ name: 'app', root: '/repo/app' }], ...overrides,
});

const section = (text: string, heading: string) => text.slice(text.indexOf(`## ${heading}`), text.indexOf('\n## ', text.indexOf(`## ${heading}`) + 3));

describe('deployment plan', () => {
  test('not checked: each open-weight model, what to deploy, the mapped endpoint, and how to check', () => {
    const model = buildReport(options(), FILES);
    assert.deepEqual(model.deploymentPlan.entries.map((entry) => entry.modelId), ['deepseek.r1-v1:0', 'meta.llama3-1-8b-instruct-v1:0', 'openai.gpt-oss-20b-1:0']);
    const text = section(renderMarkdown(model), 'Deployment plan');
    assert.match(text, /\| `meta\.llama3-1-8b-instruct-v1:0` \| JumpStart `meta-textgeneration-llama-3-1-8b-instruct` \| `shared-ic \/ ic-llama` \| not checked \|/);
    assert.match(text, /\| `openai\.gpt-oss-20b-1:0` \| `openai\/gpt-oss-20b` with the LMI container \| _not mapped_ \| no JumpStart model \|/);
    assert.match(text, /was not checked: the report does not call AWS\. Run `bedrock-to-sagemaker endpoints --region cn-north-1`/);
    assert.doesNotMatch(text, /claude/);
  });

  test('checked in the target region by a connect: available with its version, or not available', () => {
    const jumpStart = { region: 'cn-north-1', models: [
      { jumpStartId: 'meta-textgeneration-llama-3-1-8b-instruct', available: true, version: '2.1.0' }, { jumpStartId: 'deepseek-llm-r1', available: false },
    ] };
    const text = section(renderMarkdown(buildReport(options({ jumpStart }), FILES)), 'Deployment plan');
    assert.match(text, /`shared-ic \/ ic-llama` \| available \(version 2\.1\.0\) \|/);
    assert.match(text, /\| `deepseek\.r1-v1:0` \| JumpStart `deepseek-llm-r1` \| _not mapped_ \| \*\*not available\*\*: deploy the Hugging Face weights with LMI instead \|/);
    assert.match(text, /checked in cn-north-1 \(SageMakerPublicHub\)/);
  });

  test('the hub document of a connect: default instance type, gated model, and deploy steps that accept the EULA', () => {
    const jumpStart = { region: 'cn-north-1', models: [
      { jumpStartId: 'meta-textgeneration-llama-3-1-8b-instruct', available: true, version: '2.1.0', defaultInstanceType: 'ml.g5.4xlarge', gated: true },
      { jumpStartId: 'deepseek-llm-r1', available: true, version: '1.0.0', defaultInstanceType: 'ml.p5e.48xlarge', gated: false },
    ] };
    const model = buildReport(options({ jumpStart }), FILES);
    assert.deepEqual(model.deploymentPlan.entries.find((entry) => entry.modelId === 'deepseek.r1-v1:0'), {
      modelId: 'deepseek.r1-v1:0', jumpStartId: 'deepseek-llm-r1', available: true, version: '1.0.0', instanceType: 'ml.p5e.48xlarge', gated: false,
    });
    const text = section(renderMarkdown(model), 'Deployment plan');
    assert.match(text, /`shared-ic \/ ic-llama` \| available \(version 2\.1\.0\); default instance `ml\.g5\.4xlarge`; gated: EULA acceptance required \|/);
    assert.match(text, /\| `deepseek\.r1-v1:0` \| JumpStart `deepseek-llm-r1` \| _not mapped_ \| available \(version 1\.0\.0\); default instance `ml\.p5e\.48xlarge` \|/);
    const steps = text.slice(text.indexOf('### Deploy steps'));
    assert.match(steps, /^1\. `deepseek\.r1-v1:0`: deploy JumpStart model `deepseek-llm-r1` in cn-north-1 with the SageMaker Python SDK: `JumpStartModel\(model_id="deepseek-llm-r1", region="cn-north-1"\)\.deploy\(instance_type="ml\.p5e\.48xlarge"\)`\. Then map/m);
    assert.match(steps, /^2\. `openai\.gpt-oss-20b-1:0`: deploy `openai\/gpt-oss-20b` in cn-north-1 with the LMI container/m);
    assert.doesNotMatch(steps, /llama3-1-8b/, 'a mapped model needs no deploy step');

    const gated = { region: 'cn-north-1', models: [{ jumpStartId: 'deepseek-llm-r1', available: true, defaultInstanceType: 'ml.p5e.48xlarge', gated: true }] };
    const zh = section(renderMarkdown(buildReport(options({ jumpStart: gated, locale: 'zh-cn' }), FILES)), '部署计划');
    assert.match(zh, /可用；默认实例 `ml\.p5e\.48xlarge`；受限模型：须接受 EULA \|/);
    assert.match(zh, /### 部署步骤\n\n1\. `deepseek\.r1-v1:0`：.*\.deploy\(instance_type="ml\.p5e\.48xlarge", accept_eula=True\)`。该模型为受限模型/);
  });

  test('not available in the hub: the deploy step is the Hugging Face weights with LMI', () => {
    const jumpStart = { region: 'cn-north-1', models: [{ jumpStartId: 'deepseek-llm-r1', available: false }] };
    const text = section(renderMarkdown(buildReport(options({ jumpStart }), FILES)), 'Deployment plan');
    assert.match(text, /^1\. `deepseek\.r1-v1:0`: deploy `deepseek-ai\/DeepSeek-R1` in cn-north-1 with the LMI container \(`djl-inference` image, `HF_MODEL_ID=deepseek-ai\/DeepSeek-R1`\)/m);
  });

  test('a check of another region does not count; Chinese texts', () => {
    const jumpStart = { region: 'cn-northwest-1', models: [{ jumpStartId: 'deepseek-llm-r1', available: true }] };
    const text = section(renderMarkdown(buildReport(options({ jumpStart, locale: 'zh-cn' }), FILES)), '部署计划');
    assert.match(text, /\| `deepseek\.r1-v1:0` \| JumpStart `deepseek-llm-r1` \| _未映射_ \| 未检查 \|/);
    assert.match(text, /未检查 cn-north-1 中的 JumpStart 可用性/);
  });

  test('no open-weight model: no section', () => {
    const text = renderMarkdown(buildReport(options(), [{ ...FILES[0]!, findings: [FILES[0]!.findings[3]!] }]));
    assert.doesNotMatch(text, /Deployment plan/);
  });
});

// The manifest and its translations stay in step with the code (the injection grammar: test/unit/grammar.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { allRules } from '../../server/src/engine/rules';
import { Commands, SUPPORTED_LANGUAGE_IDS } from '../../shared/protocol';
import { EndpointsCommands } from '../../shared/endpointsProtocol';
import { ReportCommands } from '../../shared/reportProtocol';
import { REPO_ROOT } from '../helpers/lspServerBuild';

const readJson = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const manifest = readJson('package.json');
const nlsEn: Record<string, string> = readJson('package.nls.json');
const nlsZh: Record<string, string> = readJson('package.nls.zh-cn.json');
const properties: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;

function nlsReferences(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('%') && value.endsWith('%')) found.push(value.slice(1, -1));
  } else if (Array.isArray(value)) {
    for (const item of value) nlsReferences(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) nlsReferences(item, found);
  }
  return found;
}

describe('package.json', () => {
  test('activates on the five languages we analyse', () => {
    assert.deepEqual(manifest.activationEvents, SUPPORTED_LANGUAGE_IDS.map((language) => `onLanguage:${language}`));
  });

  test('contributes every command the client registers, each with our category', () => {
    const contributed = manifest.contributes.commands as Array<{ command: string; title: string; category: string }>;
    assert.deepEqual(contributed.map((command) => command.command).sort(), [...Object.values(Commands), ...Object.values(ReportCommands), ...Object.values(EndpointsCommands)].sort());
    assert.ok(contributed.every((command) => command.category === 'Bedrock to SageMaker' && /^%command\.\w+%$/.test(command.title)));
  });

  test('every setting is ours, documented in Markdown, with the intended scope', () => {
    const scopes = Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, schema.scope]));
    assert.deepEqual(scopes, {
      'bedrockToSagemaker.targetRegion': 'resource',
      'bedrockToSagemaker.endpoints': 'resource',
      'bedrockToSagemaker.rules': 'resource',
      'bedrockToSagemaker.adapterPath': 'resource',
      'bedrockToSagemaker.run': 'resource',
      'bedrockToSagemaker.maxFileSizeKb': 'resource',
      'bedrockToSagemaker.language': 'application',
      'bedrockToSagemaker.report.problems': 'resource',
      'bedrockToSagemaker.report.include': 'resource',
      'bedrockToSagemaker.report.exclude': 'resource',
      'bedrockToSagemaker.report.reuseResults': 'resource',
      'bedrockToSagemaker.trace.server': 'window',
    });
    assert.ok(Object.values(properties).every((schema) => typeof schema.markdownDescription === 'string'));
  });

  test('defaults match the ones the code falls back to', () => {
    assert.equal(properties['bedrockToSagemaker.targetRegion'].default, 'cn-northwest-1');
    assert.equal(properties['bedrockToSagemaker.adapterPath'].default, 'src/sagemaker-converse.ts');
    assert.equal(properties['bedrockToSagemaker.maxFileSizeKb'].default, 1024);
    assert.equal(properties['bedrockToSagemaker.run'].default, 'onType');
  });

  test('bedrockToSagemaker.rules lists exactly the engine rule ids', () => {
    const ruleProperties = properties['bedrockToSagemaker.rules'].properties as Record<string, { enum: string[] }>;
    assert.deepEqual(Object.keys(ruleProperties), allRules().map((rule) => rule.id));
    assert.ok(Object.values(ruleProperties).every((schema) => schema.enum.join() === 'error,warning,information,hint,off'));
  });

  test('every %key% has an English and a Simplified Chinese string, and nothing else is there', () => {
    const referenced = new Set(nlsReferences(manifest));
    assert.deepEqual(Object.keys(nlsEn).sort(), [...referenced].sort());
    assert.deepEqual(Object.keys(nlsZh).sort(), [...referenced].sort());
    const untranslated = Object.entries(nlsZh).filter(([, value]) => !/[\u4e00-\u9fff]/.test(value)).map(([key]) => key);
    assert.deepEqual(untranslated, []);
  });
});

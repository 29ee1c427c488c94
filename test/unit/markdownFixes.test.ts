import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FixProposal } from '../../server/src/engine/fixes/types';
import { markdownFixAll, markdownFixesForFinding } from '../../server/src/engine/markdown/fixes';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { AnalyzeInput, Finding } from '../../server/src/engine/types';
import { analyzeMarkdownText, applyEdits } from './markdownSupport';

const settings = normalizeSettings({});
const input = (text: string): AnalyzeInput => ({ text, languageId: 'markdown', settings });

describe('Markdown fixes API', () => {
  before(() => initPythonParser());

  it('offers one preferred fix per fixable finding, and none for the others', () => {
    const text = '```python\nc = boto3.client("bedrock-runtime")\nc.apply_guardrail(guardrailIdentifier="g")\n```\n';
    const findings = analyzeMarkdownText(text).findings;
    const offered = findings.map((finding) => markdownFixesForFinding(input(text), finding).length);
    assert.deepEqual(findings.map((finding) => finding.fixable), [true, false]);
    assert.deepEqual(offered, [1, 0]);
  });

  it('inline code is a mention: no fix, even for invoke-model', () => {
    const text = 'Run `aws bedrock-runtime invoke-model --model-id m --body x out.json` first.\n';
    const [finding] = analyzeMarkdownText(text).findings.filter((candidate) => candidate.ruleId === 'bedrock/cli-command');
    assert.equal(finding.fixable, false);
    assert.deepEqual(markdownFixesForFinding(input(text), finding), []);
  });

  it('fix-all returns undefined when nothing is fixable, and one proposal of sorted, disjoint edits otherwise', () => {
    assert.equal(markdownFixAll(input('# Nothing here\n'), []), undefined);
    const text = '```python\nc = boto3.client("bedrock-runtime")\nd = boto3.client("bedrock-runtime")\n```\n';
    const fix = markdownFixAll(input(text), analyzeMarkdownText(text).findings)!;
    assert.equal(fix.edits.length, 2);
    assert.ok(fix.edits[0].range.end <= fix.edits[1].range.start);
    assert.equal(applyEdits(text, fix.edits), text.replace(/bedrock-runtime/g, 'sagemaker-runtime'));
  });

  it('TypeScript fence fixes come from the injected script fixer, mapped into the fence', () => {
    const text = '> ```ts\n> const c = new BedrockRuntimeClient({});\n> ```\n';
    const finding: Finding = {
      ruleId: 'bedrock/runtime-client', range: { start: text.indexOf('BedrockRuntimeClient'), end: text.indexOf('BedrockRuntimeClient') + 20 },
      severity: 'error', category: 'has-equivalent', message: '', equivalent: '', fixable: true, data: { embedded: 'script' },
    };
    let seen: { text: string; start: number } | undefined;
    const fixer = (fenceInput: AnalyzeInput, local: Finding): FixProposal[] => {
      seen = { text: fenceInput.text, start: local.range.start };
      return [{ title: 'rename', kind: 'quickfix', isPreferred: true, edits: [{ range: local.range, newText: 'SageMakerRuntimeClient' }] }];
    };
    const [fix] = markdownFixesForFinding(input(text), finding, fixer);
    assert.deepEqual(seen, { text: 'const c = new BedrockRuntimeClient({});\n', start: 14 });
    assert.equal(applyEdits(text, fix.edits), text.replace('BedrockRuntimeClient', 'SageMakerRuntimeClient'));
  });

  it('keeps CRLF and the fence indentation in inserted lines', () => {
    const text = '1. Step\r\n   ```python\r\n   r = client.converse(modelId="m", messages=[])\r\n   ```\r\n';
    const fix = markdownFixAll(input(text), analyzeMarkdownText(text).findings)!;
    const fixed = applyEdits(text, fix.edits);
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break stays CRLF');
    assert.match(fixed, /\r\n {3}import json\r\n {3}# TODO: set EndpointName/);
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FixProposal } from '../../server/src/engine/fixTypes';
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

  it('a closed-weight model (CLI or Python) is not rewritten: the finding stays unfixable and says why', () => {
    const text = [
      '```bash',
      'aws bedrock-runtime invoke-model --model-id anthropic.claude-3-haiku-20240307-v1:0 --body \'{}\' out.json',
      '```',
      '```python',
      'c = boto3.client("bedrock-runtime")',
      'c.invoke_model(modelId="amazon.titan-text-express-v1", body="{}")',
      'c.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[])',
      '```',
      '',
    ].join('\n');
    const calls = analyzeMarkdownText(text).findings.filter((finding) => finding.ruleId === 'bedrock/cli-command'
      || (finding.ruleId === 'bedrock/python-sdk' && finding.data.kind === 'operation'));
    assert.equal(calls.length, 3);
    for (const finding of calls) {
      assert.equal(finding.fixable, false);
      assert.match(finding.message, /Not fixed automatically: '(anthropic|amazon)\.[^']+' has no open weights: choose an open model/);
      assert.deepEqual(markdownFixesForFinding(input(text), finding), []);
    }
  });

  it('the same placeholder endpoint name as in code, with one comment naming the model', () => {
    const text = '```bash\naws bedrock-runtime invoke-model --model-id meta.llama3-8b-instruct-v1:0 --body \'{}\' out.json\n```\n';
    const fix = markdownFixAll(input(text), analyzeMarkdownText(text).findings)!;
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /--endpoint-name TODO-endpoint-for-meta\.llama3-8b-instruct-v1:0 /);
    assert.match(fixed, /# TODO: put the name of the SageMaker endpoint that serves 'meta\.llama3-8b-instruct-v1:0'/);
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
    assert.match(fixed, /\r\n {3}import json\r\n {3}# TODO: put the name of the SageMaker endpoint/);
  });
});

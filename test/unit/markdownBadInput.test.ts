import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeMarkdown } from '../../server/src/engine/markdown/analyzeMarkdown';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { normalizeSettings } from '../../server/src/engine/settings';
import { analyzeMarkdownText } from './markdownSupport';

const settings = normalizeSettings({});

describe('Markdown bad input', () => {
  before(() => initPythonParser());

  it('a 5 MB document finishes and still finds what is in it', () => {
    const section = '## Part\n\nUses Amazon Bedrock.\n\n```python\nclient = boto3.client("bedrock-runtime")\n```\n\n'
      + '| a | `aws bedrock-runtime converse` |\n|---|---|\n| b | c |\n\n';
    const text = section.repeat(Math.ceil((5 * 1024 * 1024) / section.length));
    assert.ok(text.length >= 5 * 1024 * 1024);
    const result = analyzeMarkdownText(text);
    assert.equal(result.skipped, undefined);
    const rules = new Set(result.findings.map((finding) => finding.ruleId));
    assert.deepEqual([...rules].sort(), ['bedrock/cli-command', 'bedrock/prose-service', 'bedrock/python-sdk']);
  });

  it('binary content with NUL bytes is skipped with a reason', () => {
    const result = analyzeMarkdownText('PNG\u0000\u0001\u0002 bedrock-runtime');
    assert.equal(result.skipped?.reason, 'binary');
  });

  it('binary-looking content without NUL does not crash the Markdown analyser', () => {
    let text = '';
    for (let i = 0; i < 20000; i++) text += String.fromCharCode(1 + ((i * 7919) % 0xfffe));
    assert.ok(Array.isArray(analyzeMarkdown({ text: text + '\n```python\n\ud800 "\u0001\n', languageId: 'markdown', settings })));
  });

  it('empty text, whitespace and a lone delimiter give nothing', () => {
    for (const text of ['', '\n', '\r\n\r\n', '---', '---\n', '```', '~~~python', '\uFEFF']) {
      assert.deepEqual(analyzeMarkdownText(text).findings, [], JSON.stringify(text));
    }
  });

  it('deeply nested block quotes and lists do not crash', () => {
    const text = '> '.repeat(500) + '```bash\n' + '> '.repeat(500) + 'aws bedrock-runtime converse\n' + '- '.repeat(3000) + 'x\n';
    assert.ok(Array.isArray(analyzeMarkdownText(text).findings));
  });

  it('a cancelled request returns nothing', () => {
    const result = analyzeMarkdown({ text: 'Amazon Bedrock\n', languageId: 'markdown', settings, token: { isCancellationRequested: true } });
    assert.deepEqual(result, []);
  });
});

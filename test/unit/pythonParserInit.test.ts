// Runs in its own process (node --test isolates files), so the parser starts uninitialised here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initPythonParser, pythonParserStatus } from '../../server/src/engine/python/pythonParser';
import { analyzeMarkdownText } from './markdownSupport';

const DOC = '```python\nimport boto3\nclient = boto3.client("bedrock-runtime")\n```\n';

describe('Python parser initialisation', () => {
  it('before initPythonParser() Python fences report nothing (no guessing), and analysis stays synchronous', () => {
    assert.equal(pythonParserStatus().ready, false);
    assert.deepEqual(analyzeMarkdownText(DOC).findings, []);
  });

  it('after initPythonParser() resolves, the same document is analysed', async () => {
    await initPythonParser();
    assert.deepEqual(pythonParserStatus(), { ready: true });
    assert.deepEqual(analyzeMarkdownText(DOC).findings.map((finding) => finding.ruleId), ['bedrock/python-sdk']);
  });

  it('initPythonParser() is idempotent', async () => {
    await Promise.all([initPythonParser(), initPythonParser()]);
    assert.equal(pythonParserStatus().ready, true);
  });
});

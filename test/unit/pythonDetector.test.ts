import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createFinding } from '../../server/src/engine/finding';
import { analyzePython } from '../../server/src/engine/python/analyzePython';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';

const settings = normalizeSettings({});

function detect(source: string): Array<{ rule: string; text: string; fix?: unknown }> {
  const findings: Finding[] = [];
  analyzePython(source, { settings, report: (draft) => findings.push(createFinding(draft, settings)!) });
  return findings.map((finding) => ({ rule: finding.ruleId, text: source.slice(finding.range.start, finding.range.end), ...(finding.data.fix ? { fix: finding.data.fix } : {}) }));
}

describe('Python detector (tree-sitter)', () => {
  before(() => initPythonParser());

  it('does not match text that only looks like a call: comments, strings, docstrings', () => {
    assert.deepEqual(detect('# client = boto3.client("bedrock-runtime")\nx = "client.invoke_model(modelId=1)"\n'), []);
  });

  it('follows aliases: import boto3 as b, from boto3 import client, with ... as', () => {
    const found = detect([
      'import boto3 as b', 'from boto3 import client as make', 'import aioboto3',
      'c1 = b.client("bedrock-runtime")', 'c2 = make("bedrock-runtime")', 'alias = c1',
      'async def main():', '    async with aioboto3.Session().client("bedrock-runtime") as c3:', '        await c3.converse(modelId="m", messages=[])',
      'alias.invoke_model(modelId="m", body="{}")', 'c2.count_tokens(modelId="m", input={})',
    ].join('\n'));
    assert.deepEqual(found.map((item) => item.text), [
      '"bedrock-runtime"', '"bedrock-runtime"', '"bedrock-runtime"', 'c3.converse', 'alias.invoke_model', 'c2.count_tokens',
    ]);
  });

  it('a rebound name is no longer a Bedrock client', () => {
    const found = detect('c = boto3.client("bedrock-runtime")\nc = boto3.client("sagemaker-runtime")\nc.invoke_endpoint(EndpointName="e", Body=b"")\n');
    assert.deepEqual(found.map((item) => item.text), ['"bedrock-runtime"']);
  });

  it('marks only mechanical rewrites as fixable', () => {
    const found = detect([
      'c = boto3.client("bedrock-runtime")',
      'c.invoke_model(modelId="m", body="{}")',
      'c.invoke_model("m")',
      'c.invoke_model(modelId="m", body="{}", trace="ENABLED")',
      'c.converse(modelId="m", messages=[], toolConfig={})',
      'c.converse(modelId="m", messages=[], inferenceConfig={"maxTokens": 1})',
      'c.invoke_model(**kwargs)',
    ].join('\n'));
    assert.deepEqual(found.filter((item) => item.rule === 'bedrock/python-sdk').map((item) => item.fix ?? null), [
      'python-client', 'python-invoke-model', null, null, null, 'python-converse', null,
    ]);
  });

  it('survives syntax errors and reports what it can', () => {
    const found = detect('def broken(:\nclient = boto3.client("bedrock-runtime")\n');
    assert.ok(found.some((item) => item.text === '"bedrock-runtime"'));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closedWeightIds } from '../../server/src/engine/catalog/closedWeights';
import { staticModelIds } from '../../server/src/engine/fixes/support/staticModelIds';
import { parseScript } from '../../server/src/engine/script/parse';
import ts from '../../server/src/engine/typescript';

/** The ids of the initializer of `const probe = <expression>` placed after `prelude`. */
function idsOf(prelude: string, expression: string) {
  const sourceFile = parseScript(`${prelude}\nfunction f(param: string) {\n  const probe = ${expression};\n}\n`, 'typescript');
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(sourceFile) === 'probe') found = node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return staticModelIds(found!);
}

describe('staticModelIds', () => {
  it('string and template literals without substitutions', () => {
    assert.deepEqual(idsOf('', '"meta.llama3-8b-instruct-v1:0"'), { ids: ['meta.llama3-8b-instruct-v1:0'], complete: true });
    assert.deepEqual(idsOf('', '`mistral.mistral-7b-instruct-v0:2` as string'), { ids: ['mistral.mistral-7b-instruct-v0:2'], complete: true });
  });

  it('follows const bindings through the file', () => {
    assert.deepEqual(idsOf('const A = "meta.llama3-8b-instruct-v1:0";\nconst B = A;', 'B'), { ids: ['meta.llama3-8b-instruct-v1:0'], complete: true });
  });

  it('conditionals and ?? / || give the union', () => {
    assert.deepEqual(idsOf('', 'param ? "a.x-1" : "b.y-2"'), { ids: ['a.x-1', 'b.y-2'], complete: true });
    assert.deepEqual(idsOf('const FALLBACK = "meta.llama3-8b-instruct-v1:0";', 'process.env.MODEL_ID ?? FALLBACK'),
      { ids: ['meta.llama3-8b-instruct-v1:0'], complete: false });
    assert.deepEqual(idsOf('', 'param || "deepseek.r1-v1:0"'), { ids: ['deepseek.r1-v1:0'], complete: false });
  });

  it('run-time values are unknown: parameters, let bindings, env vars, templates with substitutions', () => {
    assert.deepEqual(idsOf('', 'param'), { ids: [], complete: false });
    assert.deepEqual(idsOf('let m = "meta.llama3-8b-instruct-v1:0";', 'm'), { ids: [], complete: false });
    assert.deepEqual(idsOf('', 'process.env.MODEL_ID'), { ids: [], complete: false });
    assert.deepEqual(idsOf('', '`meta.llama3-${param}-instruct-v1:0`'), { ids: [], complete: false });
  });

  it('a self-referencing const does not loop', () => {
    assert.deepEqual(idsOf('const loop: string = loop;', 'loop'), { ids: [], complete: false });
  });
});

describe('closedWeightIds', () => {
  it('names the closed-weight models (with geo prefixes and in ARNs), not the open ones or unknown ids', () => {
    assert.deepEqual(closedWeightIds([
      'meta.llama3-8b-instruct-v1:0', 'us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'amazon.titan-text-express-v1',
      'arn:aws:bedrock:us-east-1::foundation-model/cohere.command-r-v1:0', 'mistral.mistral-7b-instruct-v0:2', 'my-endpoint',
    ]), ['us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'amazon.titan-text-express-v1', 'arn:aws:bedrock:us-east-1::foundation-model/cohere.command-r-v1:0']);
  });
});

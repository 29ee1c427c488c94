// The injection grammar (syntaxes/bedrock-model-id.injection.tmLanguage.json) run by the real TextMate engine:
// vscode-textmate + Oniguruma, injected as package.json contributes it into VS Code's own TS/TSX/JS/JSX/Markdown
// grammars (test/helpers/textmate.ts). Replaces the RegExp-over-patterns tests, whose cases are kept below.
//
// Golden fixtures: test/fixtures/grammar/<sample>.<ext> → <sample>.<ext>.tokens.json, enumerated automatically.
// A golden lists every line of the sample with what we highlight between ⟦ ⟧ (so what stays plain is visible too)
// and every highlighted token with its full scope stack. UPDATE_GOLDEN=1 rewrites them: review each diff by eye.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findModelIds } from '../../server/src/engine/catalog/modelIds';
import { contributions, highlighted, INJECTION_SCOPE, isOurs, tokenize, type Token } from '../helpers/textmate';

const FIXTURES = join(__dirname, '..', 'fixtures', 'grammar');
const SCOPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.ts': 'source.ts',
  '.tsx': 'source.tsx',
  '.js': 'source.js',
  '.jsx': 'source.js.jsx',
  '.md': 'text.html.markdown',
};
const MODEL_ID = 'variable.other.constant.model-id.bedrock.bedrock-to-sagemaker';
const ARN = 'variable.other.constant.arn.bedrock.bedrock-to-sagemaker';

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.'));
const samples = readdirSync(FIXTURES).filter((name) => extensionOf(name) in SCOPE_BY_EXTENSION).sort();

interface Golden {
  scope: string;
  lines: string[];
  tokens: Array<{ line: number; column: number; text: string; scopes: string[] }>;
}

function toGolden(scope: string, text: string, tokens: Token[]): Golden {
  const ours = tokens.filter(isOurs);
  const lines = text.replace(/\n$/, '').split('\n').map((lineText, index) => {
    let rendered = '';
    let at = 0;
    for (const token of ours.filter((candidate) => candidate.line === index + 1)) {
      rendered += `${lineText.slice(at, token.startColumn)}⟦${token.text}⟧`;
      at = token.startColumn + token.text.length;
    }
    return rendered + lineText.slice(at);
  });
  return { scope, lines, tokens: ours.map((token) => ({ line: token.line, column: token.startColumn, text: token.text, scopes: token.scopes })) };
}

describe('injection grammar: contribution', () => {
  const contribution = contributions.find((candidate) => candidate.scopeName === INJECTION_SCOPE);
  const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', contribution?.path ?? ''), 'utf8'));

  it('is contributed under its own scope name to TS/JS and Markdown', () => {
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    assert.deepEqual(contribution?.injectTo, ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx', 'text.html.markdown']);
    assert.equal(grammar.injectionSelector, 'L:source string -comment, L:markup.fenced_code.block.markdown -comment');
  });

  // What each host grammar calls the places we inject into, as the engine reports them: if a host renamed its
  // string or fence scopes, the selector would silently stop matching.
  for (const [scope, line, host] of [
    ['source.ts', 'x = "meta.llama3-8b-instruct-v1:0"', 'string.quoted.double.ts'],
    ['source.tsx', "x = 'meta.llama3-8b-instruct-v1:0'", 'string.quoted.single.tsx'],
    ['source.js', 'x = `meta.llama3-8b-instruct-v1:0`', 'string.template.js'],
    ['source.js.jsx', '<A b="meta.llama3-8b-instruct-v1:0" />', 'string.quoted.double.js.jsx'],
  ] as const) {
    it(`highlights a model id inside a ${host} string`, async () => {
      const ids = (await tokenize(scope, line)).filter(isOurs);
      assert.deepEqual(ids.map((token) => token.text), ['meta.llama3-8b-instruct-v1:0']);
      assert.deepEqual(ids[0].scopes.slice(-2), [host, MODEL_ID]);
      assert.equal(ids[0].scopes[0], scope);
    });
  }
});

// The cases of the former RegExp-based tests (test/server/manifest.test.ts), now through the engine.
describe('injection grammar: model ids and ARNs', () => {
  const inString = async (text: string, scope = 'source.ts') => highlighted(scope, `const x = "${text}";`);

  it('highlights model ids with or without a geography prefix, and not look-alikes', async () => {
    assert.deepEqual(await inString('meta.llama3-8b-instruct-v1:0'), ['meta.llama3-8b-instruct-v1:0']);
    assert.deepEqual(await inString('us.anthropic.claude-3-5-sonnet-20240620-v1:0'), ['us.anthropic.claude-3-5-sonnet-20240620-v1:0']);
    assert.deepEqual(await inString('https://amazon.com/x and docs.meta.llama3-8b and path/meta.llama3-8b-v1'), []);
  });

  it('highlights Bedrock ARNs in any partition', async () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0';
    const tokens = (await tokenize('source.ts', `const x = "${arn}";`)).filter(isOurs);
    assert.deepEqual(tokens.map((token) => [token.text, token.scopes.at(-1)]), [[arn, ARN]]);
    assert.deepEqual(await inString('arn:aws-cn:bedrock:cn-north-1::foundation-model/meta.llama3-8b-instruct-v1:0'), ['arn:aws-cn:bedrock:cn-north-1::foundation-model/meta.llama3-8b-instruct-v1:0']);
    assert.deepEqual(await inString('arn:aws-cn:sagemaker:cn-northwest-1:1:endpoint/x'), []);
  });

  it('never highlights in comments, even in a Markdown fence', async () => {
    assert.deepEqual(await highlighted('source.ts', '// "meta.llama3-8b-instruct-v1:0"\n/* meta.llama3-8b-instruct-v1:0 */'), []);
    assert.deepEqual(await highlighted('text.html.markdown', '```js\n// meta.llama3-8b-instruct-v1:0\n```'), []);
  });

  it('in Markdown, highlights code fences of any language but not prose, inline code or link text', async () => {
    const id = 'meta.llama3-8b-instruct-v1:0';
    assert.deepEqual(await highlighted('text.html.markdown', `${id} \`${id}\` [${id}](https://example.com) **${id}**`), []);
    // A fence is code whatever its language, so the bare id outside the TS string is highlighted too (in a .ts file
    // it would not be): the fence selector covers the whole block.
    assert.deepEqual(await highlighted('text.html.markdown', `\`\`\`ts\nf('${id}', ${id});\n\`\`\`\n\`\`\`text\n${id}\n\`\`\``), [id, id, id]);
  });

  it('keeps its state across lines (a template string spanning lines)', async () => {
    assert.deepEqual(await highlighted('source.js', 'const x = `\nmeta.llama3-8b-instruct-v1:0\n`;\nmeta.llama3-8b-instruct-v1:0;'), ['meta.llama3-8b-instruct-v1:0']);
  });
});

// The grammar's model-id pattern mirrors MODEL_ID (server/src/engine/catalog/modelIds.ts): a string highlighted in the
// editor is one the analyser reports, and the other way round. Not mirrored: template literals (the analyser sees
// `${geo}.meta.llama3-...` as an id with a run-time geography; the grammar highlights literal text only).
describe('injection grammar: in step with the analyser', () => {
  const values = [
    'meta.llama3-8b-instruct-v1:0', 'us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'us-gov.meta.llama3-70b-instruct-v1:0',
    'global.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic.claude-v2:1', 'anthropic.claude-instant-v1', 'mistral.mistral-7b-instruct-v0:2',
    'cohere.embed-english-v3', 'deepseek.r1-v1:0', 'openai.gpt-oss-120b-1:0', 'qwen.qwen3-32b-v1:0', 'luma.ray-v2:0', 'stability.sd3-large-v1:0',
    'twelvelabs.marengo-embed-2-7-v1:0', 'writer.palmyra-x5-v1:0', 'meta.llama3.2-v1', 'meta.llama3-8b.', 'see meta.llama3-8b-instruct-v1:0.',
    // amazon. and google. only for Bedrock's families
    'amazon.titan-embed-text-v2:0', 'amazon.nova-pro-v1:0', 'amazon.rerank-v1:0', 'google.gemma-3-12b-it', 'amazon.s3-logs-2024', 'google.maps-v3',
    // provisioned-throughput context sizes
    'anthropic.claude-3-haiku-20240307-v1:0:200k', 'amazon.titan-text-express-v1:0:8k', 'meta.llama3-8b-instruct-v1:0:1',
    // never part of a longer word, a file name or a path (except after bedrock/ or model/)
    'meta.llama3-8b-instruct-v1:0x', 'meta.llama3-8b-instruct-v1:0.json', 'meta.llama3-8b-instruct-v1.json', 'meta.llama3-8b-instruct-v1:0.bak',
    'meta.llama3-', 'a.meta.llama3-8b-v1', 'xmeta.llama3-8b-v1', 'user@meta.llama3-8b-v1', 'foo/meta.llama3-8b-instruct-v1:0',
    'bedrock/meta.llama3-8b-instruct-v1:0', 'Model/meta.llama3-8b-instruct-v1:0',
    'https://bedrock-runtime.us-east-1.amazonaws.com/model/meta.llama3-8b-instruct-v1:0/converse', 'meta.llama-not-a-model', 'amazon.com',
  ];
  for (const value of values) {
    it(value, async () => {
      assert.deepEqual(await highlighted('source.ts', `x = '${value}';`), findModelIds(value).map((match) => match.text));
    });
  }
});

describe('injection grammar: golden fixtures', () => {
  it('has a sample for every host grammar', () => {
    assert.deepEqual([...new Set(samples.map(extensionOf))].sort(), Object.keys(SCOPE_BY_EXTENSION).sort());
  });

  for (const name of samples) {
    it(name, async () => {
      const scope = SCOPE_BY_EXTENSION[extensionOf(name)];
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const actual = toGolden(scope, text, await tokenize(scope, text));
      const goldenPath = join(FIXTURES, `${name}.tokens.json`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(goldenPath, 'utf8')));
      // Every highlighted token is exactly one of our two scopes, innermost.
      assert.ok(actual.tokens.every((token) => [MODEL_ID, ARN].includes(token.scopes.at(-1) ?? '')));
    });
  }
});

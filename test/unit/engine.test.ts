// Engine-level behaviour that golden fixtures cannot express: bad input, exact ranges under CRLF/BOM,
// settings and cancellation. Every test states what it expects; none relies on timing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/engine/settings';
import type { AnalyzeResult, Finding, LanguageId } from '../../server/src/engine/types';

const SNIPPET = [
  'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
  'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
  'export const reply = client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] }));',
].join('\n');

function run(text: string, options: { languageId?: LanguageId; settings?: unknown; cancelled?: boolean; fileName?: string } = {}): AnalyzeResult {
  return analyze({
    text,
    languageId: options.languageId ?? 'typescript',
    settings: options.settings === undefined ? DEFAULT_SETTINGS : normalizeSettings(options.settings),
    fileName: options.fileName,
    token: options.cancelled === undefined ? undefined : { isCancellationRequested: options.cancelled },
  });
}

/** `ruleId text` for each finding, with the text sliced from the analysed string by the finding's range. */
function slices(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${text.slice(finding.range.start, finding.range.end)}`);
}

const SNIPPET_SLICES = [
  'bedrock/import "@aws-sdk/client-bedrock-runtime"',
  'bedrock/runtime-client BedrockRuntimeClient',
  'bedrock/client-region "us-east-1"',
  'bedrock/converse ConverseCommand',
  'bedrock/model-id meta.llama3-8b-instruct-v1:0',
];

describe('analyze: baseline', () => {
  test('the shared snippet gives one finding per Bedrock use', () => {
    assert.deepEqual(slices(SNIPPET, run(SNIPPET).findings), SNIPPET_SLICES);
  });

  test('empty, blank and non-Bedrock texts give no findings and are not skipped', () => {
    for (const text of ['', '   \n\t\n', 'export const x = 1;\n', '\uFEFF']) {
      assert.deepEqual(run(text), { findings: [] });
    }
  });
});

describe('analyze: bad input never crashes', () => {
  test('text with NUL characters is skipped as binary', () => {
    const result = run(`${SNIPPET}\u0000\u0001\u0002`);
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped?.reason, 'binary');
  });

  test('a 5 MB minified bundle finishes and finds the one Bedrock call in the middle', () => {
    const filler = 'var a=function(b,c){return b?c+1:[b,{d:c}]},e=a(1,2)&&a(3,4)||"x";';
    const half = filler.repeat(Math.ceil((2.5 * 1024 * 1024) / filler.length));
    const call = 'var br=require("@aws-sdk/client-bedrock-runtime"),cl=new br.BedrockRuntimeClient({});'
      + 'cl.send(new br.InvokeModelCommand({modelId:"us.meta.llama3-2-3b-instruct-v1:0",body:"{}"}));';
    const text = half + call + half;
    assert.ok(text.length > 5 * 1024 * 1024);
    const result = run(text, { languageId: 'javascript', fileName: 'bundle.min.js' });
    assert.equal(result.skipped, undefined);
    assert.deepEqual(slices(text, result.findings), [
      'bedrock/import "@aws-sdk/client-bedrock-runtime"',
      'bedrock/runtime-client br.BedrockRuntimeClient',
      'bedrock/invoke-model br.InvokeModelCommand',
      'bedrock/model-id us.meta.llama3-2-3b-instruct-v1:0',
    ]);
  });

  test('invalid UTF-8 decoded with replacement characters keeps exact ranges', () => {
    const bytes = Buffer.concat([
      Buffer.from('const junk = "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('";\n'),
      Buffer.from(SNIPPET),
      Buffer.from('\n// trailing garbage '), Buffer.from([0xf0, 0x9f, 0x98]),
    ]);
    const text = new TextDecoder('utf-8').decode(bytes);
    assert.ok(text.includes('\uFFFD'));
    assert.deepEqual(slices(text, run(text).findings), SNIPPET_SLICES);
  });

  test('lone surrogates and astral characters before a finding keep UTF-16 ranges exact', () => {
    const text = `const a = "\uD800 \uDFFF 😀 𝒳";\n${SNIPPET}`;
    assert.deepEqual(slices(text, run(text).findings), SNIPPET_SLICES);
  });

  test('CRLF line endings and a BOM keep ranges exact', () => {
    const text = `\uFEFF${SNIPPET.replace(/\n/g, '\r\n')}\r\n`;
    const result = run(text);
    assert.deepEqual(slices(text, result.findings), SNIPPET_SLICES);
    assert.equal(result.findings[0].range.start, text.indexOf('"@aws-sdk'));
  });

  test('ignore-next-line works with CRLF line endings and a BOM', () => {
    const lines = SNIPPET.split('\n');
    const text = `\uFEFF${[lines[0], lines[1], '// bedrock-to-sagemaker-ignore-next-line', lines[2]].join('\r\n')}`;
    assert.deepEqual(slices(text, run(text).findings), SNIPPET_SLICES.slice(0, 3));
  });

  test('deeply nested expressions give findings or a too-complex skip, never an exception', () => {
    const depth = 5000;
    const cases = {
      parens: `${SNIPPET}\nconst p = ${'('.repeat(depth)}"meta.llama3-8b-instruct-v1:0"${')'.repeat(depth)};`,
      arrays: `${SNIPPET}\nconst a = ${'['.repeat(depth)}"meta.llama3-8b-instruct-v1:0"${']'.repeat(depth)};`,
      calls: `${SNIPPET}\nconst c = ${'f('.repeat(depth)}new ConverseCommand({})${')'.repeat(depth)};`,
      objects: `${SNIPPET}\nconst o = ${'{a:'.repeat(depth)}"meta.llama3-8b-instruct-v1:0"${'}'.repeat(depth)};`,
      arrows: `${SNIPPET}\nconst r = ${'() => '.repeat(depth)}client;`,
      chain: `${SNIPPET}\nconst d = ${Array.from({ length: 50_000 }, (_, i) => `v${i}`).join(' || ')} || client;\nd.send(new ConverseCommand({}));`,
      unclosed: `${SNIPPET}\nconst u = ${'('.repeat(depth)}`,
    };
    for (const [name, text] of Object.entries(cases)) {
      let result: AnalyzeResult | undefined;
      assert.doesNotThrow(() => {
        result = run(text);
      }, `${name} threw`);
      assert.ok(result, name);
      if (result.skipped) {
        assert.equal(result.skipped.reason, 'too-complex', name);
        assert.deepEqual(result.findings, [], name);
      } else {
        assert.deepEqual(slices(text, result.findings).slice(0, SNIPPET_SLICES.length), SNIPPET_SLICES, name);
      }
    }
  });

  test('a half-typed command at the end of the file is still reported', () => {
    const text = 'import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";\nconst c = new ConverseCommand({';
    assert.deepEqual(slices(text, run(text).findings), [
      'bedrock/import "@aws-sdk/client-bedrock-runtime"',
      'bedrock/converse ConverseCommand',
    ]);
  });

  test('syntax errors elsewhere in the file do not hide findings', () => {
    const text = `${SNIPPET}\nfunction broken( {\n  const = ;\n}}}\nconst again = new ConverseCommand({ modelId: "deepseek.r1-v1:0"`;
    const found = slices(text, run(text).findings);
    assert.deepEqual(found.slice(0, SNIPPET_SLICES.length), SNIPPET_SLICES);
    assert.deepEqual(found.slice(SNIPPET_SLICES.length), ['bedrock/converse ConverseCommand', 'bedrock/model-id deepseek.r1-v1:0']);
  });

  test('a string or template left unterminated at the end of the file reports the whole id or nothing', () => {
    const cases: Array<[tail: string, expected: string[]]> = [
      ['const s = "meta.llama3-8b-instruct-v1:0', ['bedrock/model-id meta.llama3-8b-instruct-v1:0']],
      ['const s = `meta.llama3-8b-instruct-v1:0', ['bedrock/model-id meta.llama3-8b-instruct-v1:0']],
      ['const t = `a ${"b"} meta.llama3-70b-instruct-v1:0', ['bedrock/model-id meta.llama3-70b-instruct-v1:0']],
      ['const t = `meta.llama3-${size}-instruct-v1:0', ['bedrock/model-id meta.llama3-${size}-instruct-v1:0']],
      ['const t = `meta.llama3-${size}-', []],
      ['const t = `meta.llama3-${', []],
      ['const t = `${', []],
      ['const s = "meta.llama3-8b-instruct-v1:0\\', ['bedrock/model-id meta.llama3-8b-instruct-v1:0']],
    ];
    for (const [tail, expected] of cases) {
      const text = `${SNIPPET}\n${tail}`;
      const found = slices(text, run(text).findings);
      assert.deepEqual(found.slice(0, SNIPPET_SLICES.length), SNIPPET_SLICES, tail);
      assert.deepEqual(found.slice(SNIPPET_SLICES.length), expected, tail);
    }
  });

  test('every prefix of a file being typed is analysed without an exception or an out-of-range finding', () => {
    const text = [
      SNIPPET,
      'const geo = "us";',
      'export const ids = [`${geo}.meta.llama3-1-70b-instruct-v1:0`, `arn:aws:bedrock:${geo}::foundation-model/x`];',
      'export const policy = { Action: ["bedrock:InvokeModel"], token: process.env.AWS_BEARER_TOKEN_BEDROCK };',
      '// bedrock-to-sagemaker-ignore-next-line',
      'export const chat = <Picker model="deepseek.r1-v1:0" />;',
    ].join('\n');
    for (let length = 0; length <= text.length; length++) {
      const prefix = text.slice(0, length);
      const result = run(prefix, { languageId: 'typescriptreact', fileName: 'typing.tsx' });
      for (const finding of result.findings) {
        assert.ok(finding.range.start >= 0 && finding.range.start < finding.range.end && finding.range.end <= prefix.length,
          `${finding.ruleId} ${JSON.stringify(finding.range)} in a ${prefix.length}-character prefix`);
      }
    }
  });

  test('TypeScript syntax in a .js file and JSX in a .ts file do not crash', () => {
    assert.deepEqual(slices(SNIPPET, run(SNIPPET, { languageId: 'javascript', fileName: 'a.js' }).findings), SNIPPET_SLICES);
    const jsx = `${SNIPPET}\nexport const el = <div title="x" />;`;
    assert.deepEqual(slices(jsx, run(jsx, { languageId: 'typescript', fileName: 'a.ts' }).findings).slice(0, SNIPPET_SLICES.length), SNIPPET_SLICES);
  });
});

describe('analyze: settings', () => {
  test('a rule set to off produces no findings of that rule and leaves the others', () => {
    const result = run(SNIPPET, { settings: { rules: { 'bedrock/model-id': 'off', 'bedrock/import': 'off' } } });
    assert.deepEqual(slices(SNIPPET, result.findings), SNIPPET_SLICES.filter((s) => !s.startsWith('bedrock/model-id') && !s.startsWith('bedrock/import')));
  });

  test('a severity override changes only that rule', () => {
    const defaults = run(SNIPPET).findings;
    const overridden = run(SNIPPET, { settings: { rules: { 'bedrock/converse': 'hint' } } }).findings;
    assert.equal(defaults.find((f) => f.ruleId === 'bedrock/converse')?.severity, 'error');
    assert.equal(overridden.find((f) => f.ruleId === 'bedrock/converse')?.severity, 'hint');
    assert.deepEqual(
      overridden.filter((f) => f.ruleId !== 'bedrock/converse').map((f) => f.severity),
      defaults.filter((f) => f.ruleId !== 'bedrock/converse').map((f) => f.severity),
    );
  });

  test('an endpoint mapping changes the model-id message, category and data', () => {
    const modelId = (settings?: unknown) => run(SNIPPET, { settings }).findings.find((f) => f.ruleId === 'bedrock/model-id');
    const unmapped = modelId();
    const mapped = modelId({ endpoints: { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama3-8b-prod', inferenceComponentName: 'ic-1' } } });
    const globbed = modelId({ endpoints: { 'meta.*': 'all-llamas' } });
    assert.ok(unmapped && mapped && globbed);
    assert.doesNotMatch(unmapped.message, /llama3-8b-prod/);
    assert.match(unmapped.message, /meta-textgeneration-llama-3-8b-instruct/);
    assert.match(mapped.message, /'llama3-8b-prod'/);
    assert.equal(mapped.equivalent, 'llama3-8b-prod');
    assert.equal(mapped.data.endpointName, 'llama3-8b-prod');
    assert.equal(mapped.data.inferenceComponentName, 'ic-1');
    assert.match(globbed.message, /'all-llamas'/);
    assert.deepEqual(mapped.range, unmapped.range);
  });

  test('an endpoint mapping for a base id applies to its geographic inference profile', () => {
    const text = 'export const id = "eu.meta.llama3-2-1b-instruct-v1:0";';
    const finding = run(text, { settings: { endpoints: { 'meta.llama3-2-1b-instruct-v1:0': 'llama-1b' } } }).findings[0];
    assert.equal(finding.data.endpointName, 'llama-1b');
    assert.match(finding.message, /'eu\.'/);
  });

  test('the target region appears in messages and decides whether a region literal is reported', () => {
    const north = run(SNIPPET, { settings: { targetRegion: 'cn-north-1' } }).findings;
    assert.ok(north.every((f) => !f.message.includes('cn-northwest-1')));
    assert.ok(north.some((f) => f.message.includes('cn-north-1')));
    const inTarget = SNIPPET.replace('us-east-1', 'cn-north-1');
    assert.deepEqual(slices(inTarget, run(inTarget, { settings: { targetRegion: 'cn-north-1' } }).findings),
      SNIPPET_SLICES.filter((s) => !s.startsWith('bedrock/client-region')));
  });
});

describe('analyze: cancellation', () => {
  test('an already-cancelled token gives no findings', () => {
    const result = run(SNIPPET, { cancelled: true });
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped?.reason, 'cancelled');
  });

  test('a token that is not cancelled changes nothing', () => {
    assert.deepEqual(slices(SNIPPET, run(SNIPPET, { cancelled: false }).findings), SNIPPET_SLICES);
  });

  test('cancellation requested while detectors run stops the analysis', () => {
    let reads = 0;
    // Cancelled from the third time the engine checks the token on: the engine must notice and return nothing.
    const token = { get isCancellationRequested() { reads += 1; return reads > 2; } };
    const result = analyze({ text: SNIPPET, languageId: 'typescript', settings: DEFAULT_SETTINGS, token });
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped?.reason, 'cancelled');
  });
});

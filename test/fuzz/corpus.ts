// Seeds and generators shared by the fuzz tests: the golden fixtures (real Bedrock code and Markdown documents),
// mutated by fast-check with tokens that matter to the detectors and the fixes, plus control characters and
// broken surrogates. Fixed seeds keep every run identical; a failure prints the seed and the shrunk counterexample.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '../../server/src/engine/types';

/** One seed for the whole suite: change it to explore, never to make a failure go away. */
export const FUZZ_SEED = 20_261_206;

export interface Seed {
  name: string;
  languageId: LanguageId;
  fileName: string;
  text: string;
}

const FIXTURES = join(__dirname, '..', 'fixtures');
const SCRIPT_LANGUAGE: Record<string, LanguageId> = { ts: 'typescript', js: 'javascript', mjs: 'javascript', cjs: 'javascript', tsx: 'typescriptreact', jsx: 'javascriptreact' };

export function loadSeeds(): Seed[] {
  const scripts = readdirSync(join(FIXTURES, 'fixes')).flatMap((file) => {
    const match = /^(.+)\.input\.(ts|js|mjs|cjs|tsx|jsx)$/.exec(file);
    if (!match) return [];
    const text = readFileSync(join(FIXTURES, 'fixes', file), 'utf8');
    return [{ name: file, languageId: SCRIPT_LANGUAGE[match[2]!]!, fileName: `src/${match[1]}.${match[2]}`, text }];
  });
  const markdown = readdirSync(join(FIXTURES, 'markdown')).flatMap((file) => {
    if (!file.endsWith('.md') || file.endsWith('.output.md')) return [];
    return [{ name: file, languageId: 'markdown' as const, fileName: `docs/${file}`, text: readFileSync(join(FIXTURES, 'markdown', file), 'utf8') }];
  });
  return [...scripts, ...markdown].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Fragments that steer the analysis and the fixes into their interesting paths, and some that break the syntax. */
export const TOKENS: readonly string[] = [
  "import { BedrockRuntimeClient, InvokeModelCommand, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';\n",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });\n",
  "await client.send(new InvokeModelCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', body: JSON.stringify({ prompt: 'hi' }) }));\n",
  "await client.send(new ConverseCommand({ modelId: 'meta.llama3-1-8b-instruct-v1:0', messages: [] }));\n",
  "require('@aws-sdk/client-bedrock-runtime')", 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'arn:aws:bedrock:us-east-1::foundation-model/x',
  'bedrock-runtime.us-east-1.amazonaws.com', '```ts\n', '```python\nimport boto3\nboto3.client("bedrock-runtime")\n```\n', '```\n',
  '---\ntarget_region: us-east-1\nfeasibility: HIGH\n---\n', '# Heading\n', '| a | b |\n', '`InvokeModel`', '[link](x.md)',
  '{', '}', '(', ')', '[', ']', ';', ',', "'", '"', '`', '${', '/*', '*/', '//', '\n', '\r\n', '\t', ' ', '=>', 'async ', 'await ', 'class X ',
  '\u0000', '\u001b[2K', '\u202e', '\uFEFF', '\uD800', '\uDC00', '😀', '你好', 'é',
];

export type Mutation = { kind: 'insert' | 'delete' | 'duplicate' | 'replace'; at: number; length: number; token: string };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  at: fc.nat(),
  length: fc.nat({ max: 80 }),
  token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }),
});

/** Applies mutations in order; positions wrap around the current text so every mutation lands somewhere. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const mutation of mutations) {
    const at = result.length === 0 ? 0 : mutation.at % (result.length + 1);
    const end = Math.min(result.length, at + mutation.length);
    switch (mutation.kind) {
      case 'insert':
        result = result.slice(0, at) + mutation.token + result.slice(at);
        break;
      case 'delete':
        result = result.slice(0, at) + result.slice(end);
        break;
      case 'duplicate':
        result = result.slice(0, end) + result.slice(at, end) + result.slice(end);
        break;
      case 'replace':
        result = result.slice(0, at) + mutation.token + result.slice(end);
        break;
    }
  }
  return result;
}

/** A document: a mutated seed (mostly) or text assembled from tokens and random strings. */
export function documentArbitrary(seeds: readonly Seed[]): fc.Arbitrary<Seed> {
  const mutated = fc.record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutationArbitrary, { maxLength: 5 }) })
    .map(({ seed, mutations }) => ({ ...seed, name: `${seed.name} (mutated)`, text: mutate(seed.text, mutations) }));
  const assembled = fc.record({
    languageId: fc.constantFrom<LanguageId>('typescript', 'javascript', 'typescriptreact', 'markdown'),
    parts: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 30 }),
  }).map(({ languageId, parts }) => ({
    name: 'assembled', languageId, fileName: languageId === 'markdown' ? 'docs/x.md' : languageId === 'typescriptreact' ? 'src/x.tsx' : 'src/x.ts', text: parts.join(''),
  }));
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: assembled });
}

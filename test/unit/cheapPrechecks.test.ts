// The cheap tests that spare the scan a parse or a dozen searches must never lose a finding: a package.json that
// cannot list a Bedrock package is not parsed (analyzePackageJson), a paragraph without any service word is not
// searched for each service term (findServices), a string value is searched only when a pattern can match (scanValue).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BEDROCK_API_KEY_ENV, PLACEHOLDER, findArns, findHosts, findIamActions, findModelIds, valueMayHaveMatches } from '../../server/src/engine/catalog/modelIds';
import { BEDROCK_SDK_PACKAGES, BEDROCK_WRAPPER_PACKAGES } from '../../server/src/engine/catalog/packages';
import { analyzePackageJson } from '../../server/src/engine/packageJson';
import { readDependencySections } from '../../server/src/engine/packageJson/dependencySections';
import { detectDependencies } from '../../server/src/engine/packageJson/detectDependencies';
import { findServices } from '../../server/src/engine/markdown/prose/detectProse';
import { SERVICE_TERMS, SERVICE_WORDS } from '../../server/src/engine/markdown/prose/serviceTerms';
import { normalizeSettings } from '../../server/src/engine/settings';

const ROOT = join(__dirname, '..', '..');
const settings = normalizeSettings({});
const NAMES = [...BEDROCK_SDK_PACKAGES.map((pkg) => pkg.name), ...Object.keys(BEDROCK_WRAPPER_PACKAGES)];

function filesNamed(folder: string, test: (name: string) => boolean): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : filesNamed(path, test);
    return test(name) ? [path] : [];
  });
}

/** The analysis without the pre-check. */
const unfiltered = (text: string) => {
  const dependencies = readDependencySections(text);
  return dependencies ? detectDependencies(dependencies, settings) : [];
};

describe('package.json pre-check', () => {
  it('gives the unfiltered findings on every package.json of the fixtures, tests and examples', () => {
    const files = [...filesNamed(join(ROOT, 'test'), (name) => name === 'package.json'), ...filesNamed(join(ROOT, 'examples'), (name) => name === 'package.json')];
    assert.ok(files.length >= 10, `only ${files.length} package.json files`);
    let withFindings = 0;
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      assert.deepEqual(analyzePackageJson(text, settings), unfiltered(text), path);
      if (unfiltered(text).length > 0) withFindings++;
    }
    assert.ok(withFindings >= 3, `only ${withFindings} with findings`);
  });

  it('sees a Bedrock package name spelled with JSON escapes', () => {
    for (const name of NAMES) {
      const spellings = [
        name.replace(/[a-z]/, (letter) => `\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`),
        name.replace('/', '\\/'),
      ];
      for (const spelled of spellings) {
        const text = `{ "dependencies": { "${spelled}": "^1.0.0" }, "scripts": { "x": "echo \\"hi\\"" } }`;
        const findings = analyzePackageJson(text, settings);
        assert.equal(findings.length, 1, text);
        assert.deepEqual(findings, unfiltered(text));
      }
    }
  });

  it('is not fooled by other escapes and finds nothing where nothing is listed', () => {
    const text = '{ "name": "x", "scripts": { "build": "tsc && echo \\"done\\"\\n" }, "dependencies": { "zod": "^3.0.0" } }';
    assert.deepEqual(analyzePackageJson(text, settings), []);
  });
});

describe('prose service words', () => {
  // Phrases each term matches, qualified and bare, plus every Markdown text of the fixtures and examples.
  const phrases = [
    'Amazon Bedrock Guardrails', 'Guardrails for Amazon Bedrock', 'Guardrails', 'Bedrock Knowledge Bases', 'Knowledge Bases',
    'Knowledge Bases for Amazon Bedrock', 'Bedrock Agents', 'AgentCore', 'Agents for Amazon Bedrock', 'Bedrock Marketplace',
    'Marketplace', 'Custom Model Import', 'Converse API', 'ConverseStream API', 'Amazon Titan Text', 'Titan Embeddings', 'Titan',
    'Amazon Nova Pro', 'Nova Lite', 'Nova', 'AWS Bedrock', 'Bedrock',
  ];
  const corpus = [
    ...phrases,
    ...[...filesNamed(join(ROOT, 'test', 'fixtures'), (name) => name.endsWith('.md')), ...filesNamed(join(ROOT, 'examples'), (name) => name.endsWith('.md'))]
      .flatMap((path) => readFileSync(path, 'utf8').split(/\n\s*\n/)),
  ];

  it('every match of every service term contains one of them', () => {
    const matched = new Set<string>();
    for (const term of SERVICE_TERMS) {
      for (const pattern of [term.qualified, ...(term.bare ? [term.bare] : [])]) {
        for (const text of corpus) {
          for (const match of text.matchAll(pattern)) {
            assert.match(match[0], SERVICE_WORDS, `${pattern} matched ${JSON.stringify(match[0])}`);
            matched.add(pattern.source);
          }
        }
      }
    }
    const patterns = SERVICE_TERMS.flatMap((term) => [term.qualified, ...(term.bare ? [term.bare] : [])]);
    assert.equal(matched.size, patterns.length, 'every pattern is exercised');
  });

  it('a text without them has no service mention, one with them still has', () => {
    assert.deepEqual(findServices('We deploy to SageMaker endpoints in cn-north-1.', true), []);
    assert.deepEqual(findServices('We use Amazon Bedrock Guardrails.', true).map((found) => found.service), ['guardrails']);
  });
});

describe('string value pre-check', () => {
  // Values made of the pieces the patterns are built from, placeholders of template literals included.
  const pieces = ['meta', 'amazon', 'anthropic', 'titan', 'nova', 'llama3', 'claude', '.', '-', ':', '0', '1', '8b', 'v1', 'us', 'global',
    'bedrock', 'Bedrock', 'BEDROCK', 'runtime', 'arn', 'aws', 'aws-cn', 'amazonaws', 'com', '/', '*', 'Invoke', 'Model', PLACEHOLDER,
    BEDROCK_API_KEY_ENV, 'AWS_BEARER_TOKEN_', ' ', 'x', '@'];
  const matchesOf = (value: string) => [...findArns(value), ...findHosts(value), ...findIamActions(value), ...findModelIds(value)].length
    + (value.includes(BEDROCK_API_KEY_ENV) ? 1 : 0);

  it('rules out only values no pattern matches', () => {
    let ruledOut = 0;
    let matched = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
      const value = parts.join('');
      const count = matchesOf(value);
      if (!valueMayHaveMatches(value)) {
        ruledOut++;
        assert.equal(count, 0, JSON.stringify(value));
      }
      if (count > 0) matched++;
    }), { seed: 13, numRuns: 20000 });
    assert.ok(ruledOut > 1000 && matched > 500, `${ruledOut} ruled out, ${matched} with matches`);
  });

  it('lets through each kind of value', () => {
    for (const value of ['meta.llama3-8b-instruct-v1:0', `${PLACEHOLDER}.meta.l${PLACEHOLDER}ama-v1:0`, 'arn:aws:bedrock:us-east-1:1:foundation-model/x',
      'bedrock-runtime.us-east-1.amazonaws.com', 'bedrock:InvokeModel', BEDROCK_API_KEY_ENV,
      // a model id of every provider
      ...['meta.llama3-1', 'amazon.titan-text-v1', 'anthropic.claude-3', 'mistral.mistral-7b', 'cohere.command-r-v1', 'deepseek.r1-v1',
        'ai21.jamba-1-5', 'openai.gpt-oss-20b', 'qwen.qwen3-32b', 'google.gemma-3', 'writer.palmyra-x4', 'stability.sd3-5', 'twelvelabs.marengo-2-7',
        'minimax.m1-v1', 'luma.ray-v2'].map((id) => `use ${id}-v1:0 now`)]) {
      assert.ok(valueMayHaveMatches(value), value);
      assert.ok(matchesOf(value) > 0, value);
    }
  });
});

// The cheap test before the Markdown parse (markdownMayHaveFindings) must never lose a finding: over every Markdown
// fixture and example, whole and cut into pieces (paragraphs, lines, three-line windows: most pieces have nothing
// Bedrock in them, so the test's "no" is exercised on real near-misses), the prefiltered analysis equals the
// analysis of every document.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeMarkdown } from '../../server/src/engine/markdown/analyzeMarkdown';
import { markdownMayHaveFindings } from '../../server/src/engine/markdown/markdownMayHaveFindings';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { EngineSettings } from '../../server/src/engine/types';

const ROOT = join(__dirname, '..', '..');
const EVERY_DOCUMENT = () => true;

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

function settingsFor(path: string): EngineSettings {
  const own = path.replace(/\.md$/, '.settings.json');
  return normalizeSettings(existsSync(own) ? JSON.parse(readFileSync(own, 'utf8')) : {});
}

/** The document, its blank-line-separated pieces, its lines and its three-line windows. */
function piecesOf(text: string): string[] {
  const lines = text.split('\n');
  const windows = lines.map((_, index) => lines.slice(index, index + 3).join('\n'));
  return [text, ...text.split(/\n\s*\n/), ...lines, ...windows].filter((piece) => piece.trim() !== '');
}

function analyzeBoth(text: string, settings: EngineSettings, fileName: string) {
  const input = { text, languageId: 'markdown' as const, settings, fileName };
  return { filtered: analyzeMarkdown(input), unfiltered: analyzeMarkdown(input, EVERY_DOCUMENT) };
}

describe('markdownMayHaveFindings', () => {
  before(() => initPythonParser());

  const files = [...markdownFiles(join(ROOT, 'test', 'fixtures')), ...markdownFiles(join(ROOT, 'examples'))];

  it('loses no finding over the fixtures and examples, whole or in pieces', () => {
    assert.ok(files.length >= 50, `only ${files.length} Markdown files found`);
    let ruledOut = 0;
    let withFindings = 0;
    for (const path of files) {
      const settings = settingsFor(path);
      for (const piece of piecesOf(readFileSync(path, 'utf8'))) {
        const { filtered, unfiltered } = analyzeBoth(piece, settings, basename(path));
        assert.deepEqual(filtered, unfiltered, `${path}, piece:\n${piece}`);
        if (!markdownMayHaveFindings(piece)) ruledOut++;
        if (unfiltered.length > 0) withFindings++;
      }
    }
    // Both sides of the test are exercised: pieces it rules out and pieces with findings.
    assert.ok(ruledOut > 500, `only ${ruledOut} pieces ruled out`);
    assert.ok(withFindings > 500, `only ${withFindings} pieces with findings`);
  });

  // Words a detector sees only after the shell unquotes them or Python joins adjacent strings, names without the
  // word Bedrock, prose names, and front matter: each document has findings, and the test lets it through.
  const seenThrough: Record<string, string> = {
    'shell quotes': '```sh\naws bed"rock"-runtime invoke-model --model-id x out.json\n```\n',
    'shell escape and line continuation': '```sh\naws bed\\\nrock-runtime list-foundation-models\n```\n',
    'continuation in a quoted list': '> - step:\n>   ```sh\n>   aws bed\\\n>   rock-runtime list-foundation-models\n>   ```\n',
    'PowerShell backtick': '```powershell\naws bed`rock-runtime list-foundation-models\n```\n',
    'Python adjacent strings': '```python\nimport boto3\nclient = boto3.client("bed" "rock-runtime")\n```\n',
    'pip package without the word': '```sh\npip install LangChain_AWS\n```\n',
    'npm wrapper without the word': '```sh\nnpm install @llamaindex/aws\n```\n',
    'Python call known by its modelId keyword': '```python\nr = client.converse(modelId="m", messages=[])\n```\n',
    'Python class without the word': '```python\nfrom langchain_aws import AmazonKnowledgeBasesRetriever\n```\n',
    'prose product name': 'We use Amazon\nTitan Text for summaries on AWS.\n',
    'prose across a quote': '> Our pipeline uses Custom Model\n> Import on AWS.\n',
    'model id shape': 'Call `meta.llama3-8b-instruct-v1:0` for chat.\n',
    'front matter only': '---\ntitle: [unclosed\n---\n# Notes\n',
  };
  for (const [name, text] of Object.entries(seenThrough)) {
    it(`lets through ${name}`, () => {
      assert.ok(markdownMayHaveFindings(text));
      const { filtered, unfiltered } = analyzeBoth(text, normalizeSettings({}), 'doc.md');
      assert.ok(unfiltered.length > 0, 'the document has findings');
      assert.deepEqual(filtered, unfiltered);
    });
  }

  it('rules out Markdown with nothing Bedrock in it', () => {
    const readme = '# left-pad\n\n```js\nconst leftPad = require("left-pad");\nleftPad("foo", 5);\n```\n\n- Install: `npm i left-pad`\n';
    assert.equal(markdownMayHaveFindings(readme), false);
  });
});

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import matter from 'gray-matter';
import { LineIndex } from '../../server/src/engine/markdown/lineIndex';
import { readFrontMatter } from '../../server/src/engine/markdown/frontMatter';
import { analyzeMarkdownText } from './markdownSupport';

const SEEDS = join(__dirname, '..', 'fixtures', 'markdown');
const scratch = mkdtempSync(join(tmpdir(), 'b2s-front-matter-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function payload(language: string, target: string): string {
  const code = `require('fs').writeFileSync(${JSON.stringify(target)}, 'evaluated')`;
  return `---${language}\n{ title: ${code} }\n---\n\n# Body\n`;
}

describe('front matter is never evaluated', () => {
  for (const language of ['js', 'javascript', 'JS', 'coffee', 'cson']) {
    it(`---${language} does not run its payload and is reported`, () => {
      const target = join(scratch, `${language}.pwned`);
      const result = analyzeMarkdownText(payload(language, target));
      assert.equal(existsSync(target), false, 'the payload ran');
      assert.deepEqual(result.findings.map((finding) => finding.ruleId), ['assessment/front-matter']);
      assert.match(result.findings[0].message, /never evaluated/);
    });
  }

  it('the payload really would write the file if gray-matter evaluated it (the test is not vacuous)', () => {
    const target = join(scratch, 'control.pwned');
    matter(payload('js', target), { engines: {} });
    assert.equal(readFileSync(target, 'utf8'), 'evaluated');
  });

  it('never reads or fills gray-matter\'s content-keyed cache', () => {
    const grayMatter = matter as unknown as { clearCache(): void; cache: object };
    grayMatter.clearCache();
    const text = '---\ntarget_region: cn-north-1\n---\n# A\n';
    analyzeMarkdownText(text);
    analyzeMarkdownText(text);
    assert.deepEqual(Object.keys(grayMatter.cache), []);
  });
});

describe('front matter reading', () => {
  it('reads both seed documents, with YAML dates as the dates written', () => {
    for (const [name, counts] of [['seed-llama4-assessment', [1, 1]], ['seed-deepseek-assessment', [2, 5]]] as const) {
      const text = readFileSync(join(SEEDS, `${name}.md`), 'utf8');
      const frontMatter = readFrontMatter(new LineIndex(text))!;
      assert.equal(frontMatter.problem, undefined);
      assert.equal(frontMatter.data!.target_region, 'cn-northwest-1');
      assert.equal(frontMatter.data!.feasibility, 'LOW');
      assert.deepEqual([frontMatter.data!.available_services, frontMatter.data!.unavailable_services], counts);
      assert.ok(frontMatter.data!.publish_date instanceof Date, 'YAML turns 2025-04-28 into a Date');
      assert.equal(frontMatter.fields.get('validation_date')!.raw, '2025-11-25');
    }
  });

  it('locates a value exactly, without its trailing comment', () => {
    const text = '---\r\navailable_services: 3   # three\r\n---\r\n';
    const field = readFrontMatter(new LineIndex(text))!.fields.get('available_services')!;
    assert.equal(text.slice(field.valueRange.start, field.valueRange.end), '3');
  });

  it('an unclosed --- is a thematic break, not front matter', () => {
    assert.equal(readFrontMatter(new LineIndex('---\n\n# Title\n')), undefined);
  });

  it('broken YAML gives exactly one diagnostic, on the whole block, naming the line', () => {
    const text = '---\ntitle: x\nlist: [a\n---\nBody\n';
    const findings = analyzeMarkdownText(text).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'assessment/front-matter');
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end), '---\ntitle: x\nlist: [a\n---');
    assert.match(findings[0].message, /line \d/);
  });

  it('a front matter that is not a mapping is reported', () => {
    const findings = analyzeMarkdownText('---\n- a\n- b\n---\n').findings;
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['assessment/front-matter']);
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMarkdown } from '../../server/src/engine/markdown/parseMarkdown';
import { analyzeMarkdownText } from './markdownSupport';

const FIXTURES = join(__dirname, '..', 'fixtures', 'markdown');

/** Every extracted character that is in the source verbatim must map onto that same character. */
function assertMapsExactly(text: string, label: string): number {
  let checked = 0;
  for (const block of parseMarkdown(text).blocks) {
    const mapped = block.type === 'heading' ? block.inline : block;
    if (mapped.type === 'list-item' || !mapped.map) continue;
    for (const segment of mapped.map.segments) {
      for (let column = segment.synthetic; column < segment.length; column++) {
        const local = segment.localStart + column;
        assert.equal(text[mapped.map.toDocument(local)], mapped.text[local], `${label}: block at line ${mapped.line + 1}, column ${column}`);
        assert.equal(mapped.map.toLocal(mapped.map.toDocument(local)), local);
        checked++;
      }
    }
  }
  return checked;
}

describe('FenceMap maps block text back to the document exactly', () => {
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.md'))) {
    it(name, () => {
      const checked = assertMapsExactly(readFileSync(join(FIXTURES, name), 'utf8'), name);
      if (!name.startsWith('empty') && !name.startsWith('front-matter-only')) assert.ok(checked > 0);
    });
  }

  it('maps through block quotes, list indentation, partly consumed tabs and CRLF', () => {
    const text = [
      '> 1. item', '>    ```py', '>    x = "a"', '>    ```', '', '-\t```sh', '\t\techo "tab"', '\t```',
      '', '| a | `b` | `b` |', '|---|---|---|', '| `c` | d | `c` |', '', '# `h` #',
    ].join('\r\n');
    assert.ok(assertMapsExactly(text, 'inline sample') > 20);
    const blocks = parseMarkdown(text).blocks.filter((block) => block.type === 'code');
    assert.equal(blocks.length, 2);
    assert.ok(blocks.every((block) => block.type === 'code' && block.map), 'every code block is mapped');
  });

  it('maps a line whose indentation tab markdown-it only partly consumed (it invents spaces)', () => {
    const text = '- ```sh\n \taws bedrock-runtime converse\n  ```\n';
    const block = parseMarkdown(text).blocks.find((candidate) => candidate.type === 'code');
    assert.ok(block?.type === 'code' && block.map);
    assert.equal(block.map.segments[0].synthetic, 2, 'markdown-it turned the rest of the tab into two spaces');
    const findings = analyzeMarkdownText(text).findings;
    assert.deepEqual(findings.map((finding) => text.slice(finding.range.start, finding.range.end)), ['aws bedrock-runtime converse']);
  });

  it('puts new lines of a fix inside the container', () => {
    const text = '> ```python\r\n> a = 1\r\n> ```\r\n';
    const block = parseMarkdown(text).blocks.find((candidate) => candidate.type === 'code');
    assert.ok(block?.type === 'code' && block.map);
    const edit = block.map.toDocumentEdit({ range: { start: 0, end: 0 }, newText: 'import json\n' });
    assert.equal(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), '> ```python\r\n> import json\r\n> a = 1\r\n> ```\r\n');
  });
});

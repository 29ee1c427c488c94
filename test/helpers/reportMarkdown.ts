// Reads a generated migration report the way a user's tools do: gray-matter for the front matter, markdown-it
// for the body. Shared by the report's unit, CLI and protocol tests.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt();

export interface ParsedReport {
  data: Record<string, unknown>;
  /** Hrefs of links into the workspace (relative, with a #L fragment), in document order. */
  lineLinks: string[];
  /** Table rows whose first cell is a workspace line link: one per finding. */
  findingRows: number;
  h2: string[];
}

export function parseReport(text: string): ParsedReport {
  const { data, content } = matter(text);
  const tokens = markdown.parse(content, {});
  const lineLinks: string[] = [];
  let findingRows = 0;
  let cellIndex = -1;
  const h2: string[] = [];
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open' && token.tag === 'h2') h2.push(tokens[index + 1]!.content);
    if (token.type === 'tr_open') cellIndex = -1;
    if (token.type === 'td_open') cellIndex++;
    for (const child of token.children ?? []) {
      if (child.type !== 'link_open') continue;
      const href = String(child.attrGet('href'));
      if (!/#L\d+$/.test(href) || /^[a-z]+:/i.test(href)) continue;
      lineLinks.push(href);
      if (token.type === 'inline' && cellIndex === 0) findingRows++;
    }
  });
  return { data: data as Record<string, unknown>, lineLinks, findingRows, h2 };
}

/** Every `path#L12` link, resolved from `baseDir`, names an existing file with at least 12 lines. */
export function assertLinksResolve(links: readonly string[], baseDir: string): void {
  assert.ok(links.length > 0, 'the report has no line links');
  for (const link of links) {
    const [path, fragment] = link.split('#L');
    const file = resolve(baseDir, decodeURIComponent(path!));
    assert.ok(existsSync(file), `${link} → ${file} does not exist`);
    const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/).length;
    assert.ok(Number(fragment) >= 1 && Number(fragment) <= lines, `${link}: line ${fragment} is outside 1..${lines}`);
  }
}

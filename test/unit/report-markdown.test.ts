// The Markdown rendering: the front matter round-trips through gray-matter, counts in headings match the lists,
// every finding is one table row with a working line link, and user text cannot break the Markdown.
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, test } from 'node:test';
import { buildReport, renderMarkdown, reportFrontMatter } from '../../server/src/report';
import type { Category, RuleId } from '../../server/src/engine/types';
import type { FileResult, LocatedFinding, ReportModel, ReportOptions } from '../../server/src/report';

const markdown = new MarkdownIt();
type Token = ReturnType<typeof markdown.parse>[number];

function finding(ruleId: RuleId, category: Category, fixable: boolean, line: number, message = `${ruleId} found`, data?: LocatedFinding['data']): LocatedFinding {
  return { ruleId, category, fixable, severity: 'warning', message, equivalent: 'InvokeEndpoint', start: { line, character: 2 }, end: { line, character: 9 }, data };
}

const FILES: FileResult[] = [
  {
    folder: 'api', path: 'src/chat.ts', languageId: 'typescript', findings: [
      finding('bedrock/import', 'has-equivalent', true, 0),
      finding('bedrock/converse', 'has-equivalent', false, 11, 'Converse | not <region> *here*', { modelId: 'meta.llama3-1-8b-instruct-v1:0' }),
    ],
  },
  { folder: 'web', path: 'lib/guard (old).js', languageId: 'javascript', findings: [finding('bedrock/guardrail', 'no-equivalent', false, 4)] },
  { folder: 'web', path: 'docs/setup.md', languageId: 'markdown', findings: [finding('bedrock/cli-command', 'has-equivalent', false, 2)] },
  { folder: 'web', path: 'assets/huge.js', findings: [], skipped: { reason: 'too-large', message: 'File skipped: 2048 KB is over the 1024 KB limit.' } },
];

function options(locale: 'en' | 'zh-cn'): ReportOptions {
  return {
    workspaceName: 'shop', locale, date: '2026-11-25', targetRegion: 'cn-north-1',
    folders: [{ name: 'api', root: '/repo/api' }, { name: 'web', root: '/repo/web' }],
    linkBase: '/repo/api/.bedrock-to-sagemaker',
  };
}

function render(locale: 'en' | 'zh-cn'): { model: ReportModel; text: string; tokens: Token[] } {
  const model = buildReport(options(locale), FILES);
  const text = renderMarkdown(model);
  return { model, text, tokens: markdown.parse(matter(text).content, {}) };
}

/** Headings (level, inline text) in document order. */
function headings(tokens: Token[]): Array<[string, string]> {
  return tokens.flatMap((token, index) => (token.type === 'heading_open' ? [[token.tag, tokens[index + 1]!.content] as [string, string]] : []));
}

/** List items (their inline text) between a heading whose text starts with `title` and the next heading. */
function itemsUnder(tokens: Token[], title: string): string[] {
  const start = tokens.findIndex((token, index) => token.type === 'heading_open' && tokens[index + 1]!.content.startsWith(title));
  assert.notEqual(start, -1, `no heading "${title}"`);
  const items: string[] = [];
  for (let index = start + 3; index < tokens.length && tokens[index]!.type !== 'heading_open'; index++) {
    if (tokens[index]!.type === 'list_item_open') items.push(tokens[index + 2]!.content);
  }
  return items;
}

/** Table rows as arrays of cell tokens' inline children, for every table in the document. */
function tableRows(tokens: Token[]): Token[][][] {
  const rows: Token[][][] = [];
  let current: Token[][] | undefined;
  for (const token of tokens) {
    if (token.type === 'tr_open') current = [];
    else if (token.type === 'inline' && current) current.push(token.children ?? []);
    else if (token.type === 'tr_close' && current) {
      rows.push(current);
      current = undefined;
    }
  }
  return rows;
}

const plainText = (children: Token[]) => children.filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('');

describe('report Markdown', () => {
  for (const locale of ['en', 'zh-cn'] as const) {
    test(`${locale}: the front matter parses back with gray-matter into the seeds' schema`, () => {
      const { model, text } = render(locale);
      const { data } = matter(text);
      assert.deepEqual(Object.keys(data), ['title', 'validation_date', 'target_region', 'feasibility', 'available_services', 'unavailable_services']);
      assert.deepEqual(data, reportFrontMatter(model));
      assert.equal(data.validation_date, '2026-11-25');
      assert.equal(data.feasibility, 'LOW');
      assert.equal(typeof data.available_services, 'number');
    });

    test(`${locale}: service counts in the front matter and the headings equal the listed services`, () => {
      const { text, tokens } = render(locale);
      const { data } = matter(text);
      const [availableTitle, unavailableTitle] = locale === 'en' ? ['Available services', 'Unavailable services'] : ['可用服务', '不可用服务'];
      const available = itemsUnder(tokens, availableTitle);
      const unavailable = itemsUnder(tokens, unavailableTitle);
      assert.equal(available.length, data.available_services);
      assert.equal(unavailable.length, data.unavailable_services);
      const counts = headings(tokens).filter(([, title]) => title.startsWith(availableTitle) || title.startsWith(unavailableTitle));
      assert.deepEqual(counts.map(([, title]) => Number(/\((\d+)/.exec(title)?.[1])), [available.length, unavailable.length]);
    });

    test(`${locale}: every finding is one row with a path:line link that points at its line`, () => {
      const { model, tokens } = render(locale);
      const links = tableRows(tokens)
        .map((cells) => cells[0]!.find((child) => child.type === 'link_open'))
        .filter((token): token is Token => token !== undefined)
        .map((token) => token.attrGet('href'))
        // The rule summary table links rule ids to their documentation; file rows link into the workspace.
        .filter((href) => !String(href).startsWith('https:'));
      assert.deepEqual(links, [
        '../src/chat.ts#L1',
        '../src/chat.ts#L12',
        '../../web/docs/setup.md#L3',
        '../../web/lib/guard%20%28old%29.js#L5',
      ]);
      assert.equal(links.length, model.totals.total);
    });
  }

  test('a message with |, <tag> and *stars* stays one cell and reads as written', () => {
    const { tokens } = render('en');
    const row = tableRows(tokens).find((cells) => plainText(cells[3] ?? []).startsWith('Converse'));
    assert.ok(row, 'the Converse row is missing');
    assert.equal(row.length, 5);
    assert.equal(plainText(row[3]!), 'Converse | not <region> *here*');
  });

  test('multi-root paths name their folder; skipped files are listed with the reason', () => {
    const { text } = render('en');
    assert.ok(text.includes('[web/lib/guard (old).js:5](../../web/lib/guard%20%28old%29.js#L5)'));
    assert.match(text, /## Skipped files \(1\)\n\n\| File \| Reason \|\n\| --- \| --- \|\n\| `web\/assets\/huge\.js` \| over the size limit \|/);
  });

  test('en: the sections in order', () => {
    const sections = headings(render('en').tokens).filter(([tag]) => tag === 'h2').map(([, title]) => title);
    assert.deepEqual(sections, ['Feasibility assessment', 'Service analysis', 'Migration totals', 'Recommendations', 'Risks', 'Findings by file', 'Skipped files (1)']);
  });

  test('zh-cn: the seeds\' section names, and Chinese text where the engine message is English', () => {
    const { tokens, text } = render('zh-cn');
    const sections = headings(tokens).filter(([tag]) => tag === 'h2').map(([, title]) => title);
    assert.deepEqual(sections, ['可行性评估', '服务分析', '迁移统计', '实施建议', '风险提示', '文件明细', '已跳过的文件 (1个)']);
    assert.match(text, /!!! danger "LOW - 不建议实施"\n {4}核心服务不可用，需要重大修改或无法实施/);
    assert.match(text, /\| Bedrock Converse 调用：meta\.llama3-1-8b-instruct-v1:0 \|/);
    assert.doesNotMatch(text, /found|Recommendations|Risks|Skipped files|Findings by file/);
  });
});

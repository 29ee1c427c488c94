import * as l10n from '@vscode/l10n';
import matter from 'gray-matter';
import type { OffsetRange } from '../types';
import { type FrontMatterField, locateFields } from './frontMatterFields';
import type { LineIndex } from './lineIndex';

/** The front matter block at the top of a document. */
export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---` line. */
  range: OffsetRange;
  /** The first and last document lines of the block (the delimiters). */
  openLine: number;
  closeLine: number;
  /** Language named after the opening delimiter (`---json`); empty for YAML. */
  language: string;
  /** Parsed mapping, or undefined when the block cannot be read (see `problem`). */
  data: Record<string, unknown> | undefined;
  problem?: string;
  /** Where each top-level key and its scalar value sit in the document (YAML only). */
  fields: Map<string, FrontMatterField>;
}

const DATA_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

const refuse = (language: string) => () => {
  throw new Error(l10n.t("front matter in '{0}' is never evaluated", language));
};

// gray-matter ships a `javascript` engine that calls eval(); every executable engine is replaced by one
// that refuses. YAML stays on gray-matter's default engine, js-yaml's safeLoad (no JS types).
const LOCKED_ENGINES = {
  js: refuse('js'), javascript: refuse('javascript'), coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'), cson: refuse('cson'),
};

/**
 * Finds and reads front matter. Only a block whose first line is `---` (optionally with a language) and
 * that has a closing `---` line counts; anything else is ordinary Markdown (a thematic break).
 */
export function readFrontMatter(index: LineIndex): FrontMatter | undefined {
  const first = index.lineText(0).replace(/^\uFEFF/, '');
  if (!first.startsWith('---') || first.charAt(3) === '-') return undefined;
  let closeLine = -1;
  for (let line = 1; line < index.lineCount; line++) {
    if (index.lineText(line).trimEnd() === '---') {
      closeLine = line;
      break;
    }
  }
  if (closeLine < 0) return undefined;
  const language = first.slice(3).trim().toLowerCase();
  const range = { start: index.starts[0], end: index.ends[closeLine] };
  const lines: string[] = [];
  for (let line = 1; line < closeLine; line++) lines.push(index.lineText(line));
  const base = { range, openLine: 0, closeLine, language };
  if (!DATA_LANGUAGES.has(language)) {
    return { ...base, data: undefined, fields: new Map(), problem: l10n.t("Front matter in '{0}' is not read: only YAML and JSON front matter are supported, and executable front matter is never evaluated.", language) };
  }
  const parsed = parseData(lines.join('\n'), language === 'json' ? 'json' : 'yaml');
  const fields = language === 'json' ? new Map<string, FrontMatterField>() : locateFields(index, 1, closeLine);
  return { ...base, ...parsed, fields };
}

function parseData(body: string, language: 'yaml' | 'json'): { data: Record<string, unknown> | undefined; problem?: string } {
  // Options are always passed, so gray-matter's content-keyed cache is never read or written.
  const source = `---${language === 'json' ? 'json' : ''}\n${body}\n---\n`;
  try {
    const data: unknown = matter(source, { language, engines: LOCKED_ENGINES }).data;
    if (data === null || typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
      return { data: undefined, problem: l10n.t('Front matter is not a mapping of keys to values.') };
    }
    return { data: data as Record<string, unknown> };
  } catch (error) {
    return { data: undefined, problem: describeError(error, language) };
  }
}

function describeError(error: unknown, language: 'yaml' | 'json'): string {
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String((error as Error).message ?? error).replace(/\s+/g, ' ').trim();
  if (typeof mark?.line === 'number') {
    // gray-matter hands the engine the text after `---`, whose first line is the rest of the delimiter line,
    // so the parser's 0-based line is the document's 0-based line.
    return l10n.t('Front matter is not valid {0} (line {1}): {2}.', language.toUpperCase(), mark.line + 1, reason);
  }
  return l10n.t('Front matter is not valid {0}: {1}.', language.toUpperCase(), reason);
}

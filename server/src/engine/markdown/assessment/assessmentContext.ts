import type { FindingDraft } from '../../finding';
import type { EngineSettings, Finding, OffsetRange } from '../../types';
import type { FrontMatter } from '../frontMatter';
import type { MarkdownDocument } from '../parseMarkdown';

export interface AssessmentContext {
  document: MarkdownDocument;
  frontMatter: FrontMatter & { data: Record<string, unknown> };
  settings: EngineSettings;
  /** Findings in the document's runnable code (fences), for the feasibility check. */
  codeFindings: readonly Finding[];
  report(draft: FindingDraft): void;
}

/** Where to put a finding about a front matter key: its value, else its key, else the opening `---`. */
export function fieldRange(context: AssessmentContext, key: string): OffsetRange {
  const field = context.frontMatter.fields.get(key);
  if (field && field.valueRange.end > field.valueRange.start) return field.valueRange;
  if (field) return field.keyRange;
  const start = context.frontMatter.range.start;
  return { start, end: start + context.document.index.lineText(0).length };
}

/** The written value of a key, quotes removed. */
export function writtenValue(context: AssessmentContext, key: string): string | undefined {
  const raw = context.frontMatter.fields.get(key)?.raw;
  if (raw === undefined) return undefined;
  return /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

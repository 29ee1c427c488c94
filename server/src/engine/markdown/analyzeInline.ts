import { scanValue } from '../catalog/scanValue';
import { analyzeShell } from '../shell/analyzeShell';
import type { EngineSettings, Finding } from '../types';
import { mappedContext } from './mappedContext';
import type { InlineBlock, MarkdownDocument } from './parseMarkdown';

// Inline code that is a command: the AWS CLI, an HTTP client, or a package install (`npm i @ai-sdk/amazon-bedrock`).
const COMMAND = /^\s*(?:\$\s+)?(?:sudo\s+)?(?:aws|awscurl|curl|npm|pnpm|yarn|bun|pip3?|uv|poetry|python3?\s+-m\s+pip)\s/;

/** Inline code (`aws bedrock-runtime converse` in a table cell), link text and targets, autolinks. */
export function analyzeInline(document: MarkdownDocument, settings: EngineSettings): Finding[] {
  const findings: Finding[] = [];
  for (const block of document.blocks) {
    const inline = block.type === 'heading' ? block.inline : block;
    if (inline.type === 'inline' && inline.map && inline.spans.length > 0) analyzeSpans(inline, settings, findings);
  }
  return findings;
}

function analyzeSpans(block: InlineBlock, settings: EngineSettings, findings: Finding[]): void {
  const context = mappedContext(block.map!, settings, 'inline', findings);
  const codeSpans = block.spans.filter((span) => span.kind === 'code');
  for (const span of block.spans) {
    switch (span.kind) {
      case 'code': {
        const code = block.text.slice(span.innerStart, span.innerEnd);
        if (COMMAND.test(code)) analyzeShell(code, { dialect: 'posix', transcript: false }, offsetContext(context, span.innerStart));
        else scanValue(code, span.innerStart, context);
        break;
      }
      case 'link': {
        // Code spans inside the label were scanned above; blank them so they are not reported twice.
        let label = block.text.slice(span.labelStart, span.labelEnd);
        for (const code of codeSpans) {
          if (code.start >= span.labelStart && code.end <= span.labelEnd) {
            label = label.slice(0, code.start - span.labelStart) + ' '.repeat(code.end - code.start) + label.slice(code.end - span.labelStart);
          }
        }
        scanValue(label, span.labelStart, context);
        if (span.destination) scanValue(block.text.slice(span.destination.start, span.destination.end), span.destination.start, context);
        break;
      }
      case 'autolink':
        scanValue(block.text.slice(span.innerStart, span.innerEnd), span.innerStart, context);
        break;
      case 'html':
        break;
    }
  }
}

function offsetContext(context: ReturnType<typeof mappedContext>, offset: number): ReturnType<typeof mappedContext> {
  return {
    settings: context.settings,
    report: (draft) => context.report({ ...draft, range: { start: draft.range.start + offset, end: draft.range.end + offset } }),
  };
}

import type MarkdownIt from 'markdown-it';

/** Where inline constructs sit in an inline block's text (offsets into markdown-it's `inline` token content). */
export type InlineSpan =
  | { kind: 'code'; start: number; end: number; innerStart: number; innerEnd: number }
  | { kind: 'link'; start: number; end: number; labelStart: number; labelEnd: number; destination?: { start: number; end: number } }
  | { kind: 'autolink'; start: number; end: number; innerStart: number; innerEnd: number }
  | { kind: 'html'; start: number; end: number };

/** Spans per inline token, keyed by the token's `children` array (the array the inline rules push into). */
export type SpanTable = Map<MarkdownIt.Token[], InlineSpan[]>;

export interface SpanEnv {
  spans: SpanTable;
  [key: string | symbol]: unknown;
}

type InlineRule = (state: MarkdownIt.StateInline, silent: boolean) => boolean;

/**
 * markdown-it keeps no source positions for inline tokens. This plugin wraps the rules that produce code
 * spans, links, images, autolinks and inline HTML, and records the source span each one consumed.
 */
export function recordInlineSpans(md: MarkdownIt.MarkdownIt): void {
  wrap(md, 'backticks', (state, start, pushedFrom) => {
    const token = state.tokens[state.tokens.length - 1];
    if (state.tokens.length <= pushedFrom || token.type !== 'code_inline') return undefined;
    const ticks = token.markup.length;
    return { kind: 'code', start, end: state.pos, innerStart: start + ticks, innerEnd: state.pos - ticks };
  });
  wrap(md, 'link', (state, start) => linkSpan(md, state, start, start));
  wrap(md, 'image', (state, start) => linkSpan(md, state, start, start + 1));
  wrap(md, 'autolink', (state, start) => ({ kind: 'autolink', start, end: state.pos, innerStart: start + 1, innerEnd: state.pos - 1 }));
  wrap(md, 'html_inline', (state, start) => ({ kind: 'html', start, end: state.pos }));
}

function wrap(md: MarkdownIt.MarkdownIt, name: string, describe: (state: MarkdownIt.StateInline, start: number, pushedFrom: number) => InlineSpan | undefined): void {
  const ruler = md.inline.ruler;
  const index = ruler.__find__(name);
  if (index < 0) throw new Error(`markdown-it has no inline rule '${name}'`);
  const original: InlineRule = ruler.__rules__[index].fn;
  ruler.at(name, (state, silent) => {
    const start = state.pos;
    const pushedFrom = state.tokens.length;
    if (!original(state, silent)) return false;
    const env = state.env as Partial<SpanEnv>;
    if (!silent && env.spans) {
      const span = describe(state, start, pushedFrom);
      if (span) {
        const list = env.spans.get(state.tokens);
        if (list) list.push(span);
        else env.spans.set(state.tokens, [span]);
      }
    }
    return true;
  });
}

function linkSpan(md: MarkdownIt.MarkdownIt, state: MarkdownIt.StateInline, start: number, bracket: number): InlineSpan {
  const end = state.pos;
  const labelEnd = md.helpers.parseLinkLabel(state, bracket, bracket === start);
  const span: InlineSpan = { kind: 'link', start, end, labelStart: bracket + 1, labelEnd: Math.max(labelEnd, bracket + 1) };
  let pos = labelEnd + 1;
  if (labelEnd >= 0 && state.src.charCodeAt(pos) === 0x28 /* ( */) {
    pos++;
    while (pos < end && /\s/.test(state.src.charAt(pos))) pos++;
    const destination = md.helpers.parseLinkDestination(state.src, pos, end);
    if (destination.ok && destination.pos > pos) span.destination = { start: pos, end: destination.pos };
  }
  return span;
}

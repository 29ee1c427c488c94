import type { InlineBlock } from '../parseMarkdown';

/**
 * The running text of an inline block, same length as the block text: code spans, link targets, autolinks
 * and inline HTML are blanked, so what is left is what a reader reads as prose (link text included).
 */
export function proseText(block: InlineBlock): string {
  let text = block.text;
  const blank = (start: number, end: number) => {
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  };
  for (const span of block.spans) {
    if (span.kind === 'link') {
      // Keep the label; blank the brackets and everything after the label (destination, title).
      blank(span.start, span.labelStart);
      blank(span.labelEnd, span.end);
    } else {
      blank(span.start, span.end);
    }
  }
  return text;
}

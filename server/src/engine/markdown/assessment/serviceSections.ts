import type { OffsetRange } from '../../types';
import type { Block, HeadingBlock } from '../parseMarkdown';
import { headingText } from '../sections';

export type ServiceListKey = 'available_services' | 'unavailable_services';

// "### 可用服务 (1个)" / "### 不可用服务 (5个)" / "## Available services (2)". Anchored at the start, so
// 可用服务 never matches inside 不可用服务.
const HEADINGS: Readonly<Record<ServiceListKey, RegExp>> = {
  available_services: /^(?:可用服务|available\s+services?\b)/i,
  unavailable_services: /^(?:不可用服务|unavailable\s+services?\b)/i,
};
const HEADING_COUNT = /[（(]\s*(\d+)\s*(?:个|项|services?)?\s*[）)]/i;

export interface ServiceList {
  heading: HeadingBlock;
  /** Items of the first top-level list under the heading (before the next heading of the same or a higher level). */
  itemCount: number;
  /** Lines of those items. */
  itemLines: number[];
  /** Every block of the section, heading included. */
  blocks: Block[];
  /** The number written in the heading, and where. */
  headingCount?: { value: number; range: OffsetRange };
}

export function findServiceList(blocks: readonly Block[], key: ServiceListKey): ServiceList | undefined {
  const start = blocks.findIndex((block) => block.type === 'heading' && HEADINGS[key].test(headingText(block)));
  if (start < 0) return undefined;
  const heading = blocks[start] as HeadingBlock;
  let end = start + 1;
  while (end < blocks.length) {
    const block = blocks[end];
    if (block.type === 'heading' && block.level <= heading.level) break;
    end++;
  }
  const items = blocks.slice(start + 1, end).filter((block) => block.type === 'list-item');
  const depth = Math.min(...items.map((item) => item.depth));
  const firstList = items.find((item) => item.depth === depth)?.list;
  const topLevel = items.filter((item) => item.list === firstList);
  return {
    heading, itemCount: topLevel.length, itemLines: topLevel.map((item) => item.line),
    blocks: blocks.slice(start, end), headingCount: headingCount(heading),
  };
}

function headingCount(heading: HeadingBlock): ServiceList['headingCount'] {
  const match = HEADING_COUNT.exec(heading.inline.text);
  if (!match || !heading.inline.map) return undefined;
  const start = (match.index ?? 0) + match[0].indexOf(match[1]);
  return { value: Number(match[1]), range: heading.inline.map.toDocumentRange({ start, end: start + match[1].length }) };
}

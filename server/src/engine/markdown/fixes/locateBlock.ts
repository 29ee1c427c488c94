import type { OffsetRange } from '../../types';
import type { FenceMap } from '../fenceMap';
import type { CodeBlock, MarkdownDocument } from '../parseMarkdown';

export interface LocatedBlock {
  block: CodeBlock;
  map: FenceMap;
  /** The finding's range in the block's text. */
  local: OffsetRange;
}

/** The code block that contains a document range, with the range in block offsets. */
export function locateCodeBlock(document: MarkdownDocument, range: OffsetRange): LocatedBlock | undefined {
  for (const block of document.blocks) {
    if (block.type !== 'code' || !block.map) continue;
    const local = block.map.toLocalRange(range);
    if (local && block.map.toDocument(local.start) === range.start) return { block, map: block.map, local };
  }
  return undefined;
}

import type { Block, HeadingBlock } from './parseMarkdown';

/** The blocks from one heading to the next heading of any level (the first section may have no heading). */
export interface Section {
  heading: HeadingBlock | undefined;
  blocks: Block[];
}

export function splitSections(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [{ heading: undefined, blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'heading') sections.push({ heading: block, blocks: [block] });
    else sections[sections.length - 1].blocks.push(block);
  }
  return sections.filter((section) => section.blocks.length > 0);
}

/** Heading text with Markdown emphasis markers removed: `### 可用服务 (1个)`, `## **Available services**`. */
export function headingText(heading: HeadingBlock): string {
  return heading.inline.text.replace(/[*_`]/g, '').trim();
}

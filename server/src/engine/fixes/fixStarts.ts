import type { FixStart } from './index';

/** Texts kept for their fixes may add up to this many characters, or to the largest text scanned if larger. */
const KEPT_TEXT_FLOOR = 1024 * 1024;

/**
 * The scan's analyses that `scan --fix` starts the fixes of their files from, by file name. Keeping a file's
 * analysis from its scan until its fix spares the fix a second analysis of the same text (as costly as the scan's),
 * but holds the file's syntax tree meanwhile. The scan itself holds the tree of the largest file it analyses while
 * it analyses it, so the texts kept add up to at most that file's size (or 1 MiB, if more): `scan --fix` holds at most
 * about one more such tree than the scan. A larger text than all kept ones together takes their place (it spares
 * more); the files left out are analysed again when fixed.
 */
export class FixStarts {
  private readonly kept = new Map<string, { start: FixStart; size: number }>();
  private size = 0;
  private largest = 0;

  constructor(private readonly floor = KEPT_TEXT_FLOOR) {}

  /**
   * Called before analysing a text of `size` characters: whether its analysis can be kept (only then is it analysed
   * so that its fixes can go on from it), after dropping the kept ones when it is larger than all of them together.
   */
  makeRoomFor(size: number): boolean {
    this.largest = Math.max(this.largest, size);
    const budget = Math.max(this.floor, this.largest);
    if (this.size + size <= budget) return true;
    if (size <= this.size) return false;
    this.kept.clear();
    this.size = 0;
    return true;
  }

  keep(fileName: string, start: FixStart): void {
    this.take(fileName);
    this.kept.set(fileName, { start, size: start.text.length });
    this.size += start.text.length;
  }

  /** The start kept for this file, no longer kept here. */
  take(fileName: string): FixStart | undefined {
    const entry = this.kept.get(fileName);
    if (!entry) return undefined;
    this.kept.delete(fileName);
    this.size -= entry.size;
    return entry.start;
  }
}

import { DEFAULT_LIMITS } from '../analyze';
import type { FixStart } from './index';

/**
 * The scan's analyses that `scan --fix` starts the fixes of their files from, by file name. Keeping a file's
 * analysis from its scan until its fix spares the fix a second analysis of the same text (as costly as the scan's),
 * but holds the file's syntax tree meanwhile: the texts kept add up to at most `budget` characters (by default the
 * largest text the engine analyses, so at most one such file's tree more than the scan itself holds); files past it
 * are analysed again when fixed.
 */
export class FixStarts {
  private readonly kept = new Map<string, { start: FixStart; size: number }>();
  private size = 0;

  constructor(private readonly budget = DEFAULT_LIMITS.maxLength) {}

  /** Whether a text of `size` characters still fits: only then is it analysed so that its fixes can go on from it. */
  hasRoomFor(size: number): boolean {
    return this.size + size <= this.budget;
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

import type { Finding } from './types';
import { ObjectCache } from './objectCache';

/**
 * Findings the incremental analysis moved with their statement (a copy with only its range shifted, issue #13), each
 * to the finding as first reported: what the fixability refinement knew of that one it still knows of the copy. The
 * first one, not the last copy: the refinement skips versions that do not parse, and a chain of copies would grow.
 */
const copiedFrom = new ObjectCache<Finding, Finding>('copiedFrom', 'finding');

/** Records that `moved` is `from` shifted with the statement it lies in. */
export function recordMove(moved: Finding, from: Finding): void {
  copiedFrom.set(moved, copiedFrom.get(from) ?? from);
}

/** The finding `finding` is a moved copy of (as first reported), if it is one. */
export function movedFrom(finding: Finding): Finding | undefined {
  return copiedFrom.get(finding);
}

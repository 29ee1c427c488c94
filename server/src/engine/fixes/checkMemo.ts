import type { Finding } from '../types';
import type { CheckReads, ReadObserver } from './support/checkReads';
import type { FixTransform, Verdict } from './transform';

/**
 * Verdicts of fix checks kept across versions of one document (the editor's, see refinementReuse.ts), so an edit
 * re-runs only the checks whose reads it touched.
 */
export interface CheckMemo {
  /** The verdict `transform`'s check gave `finding` in an earlier version, when nothing the check read changed since. */
  verdictOf(transform: FixTransform, finding: Finding): Verdict | undefined;
  /** Keeps a verdict just given on the current version, with what its check read. */
  keep(transform: FixTransform, finding: Finding, verdict: Verdict, reads: CheckReads): void;
  /** Told what each check that runs reads beyond its finding's statement, as it reads it. */
  readonly observer?: ReadObserver;
}

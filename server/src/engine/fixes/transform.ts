import type { Finding, RuleId } from '../types';
import type { FixContext } from './fixContext';

/** Whether one finding can be rewritten safely here; a refusal's reason becomes a migration note. */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const OK: Verdict = { ok: true };
export const refuse = (reason: string): Verdict => ({ ok: false, reason });

/**
 * One small rewrite (codemod style): it re-finds its findings' nodes in the pass's fresh tree and adds
 * minimal edits. Transforms run in the order of the registry, each on the text the previous one produced.
 */
export interface FixTransform {
  readonly name: string;
  /** Rules whose findings this transform rewrites. */
  readonly rules: readonly RuleId[];
  /**
   * When a finding is refused, whether the rest of the file must stay as it is (true for anything that moves
   * code from Bedrock to SageMaker: a half-migrated file does not compile). Default true.
   */
  readonly refusalBlocksFile?: boolean;
  /**
   * The check reads the blocks and functions around its finding's own statement (the innermost one holding it) only
   * through the names it looks up there (referencesTo, constBinding...: recorded, see CheckReads.localNames), never
   * by walking them or by the place of a statement in its list. Then an edit of other statements there that
   * mention none of those names keeps its verdict (refinementReuse.ts). Declare it only for a check so audited.
   */
  readonly checkReadsByName?: boolean;
  /** Checks one finding before anything is rewritten. Without it every finding of `rules` is accepted. */
  check?(context: FixContext, finding: Finding): Verdict;
  /** Adds edits for the findings of its rules (all of them, or the one selected for a quick fix). */
  apply(context: FixContext, findings: readonly Finding[]): void;
}

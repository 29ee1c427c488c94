import type { RuleId } from './types';

/**
 * What every detector and fix declares: the rule ids it serves. docs/rules.md lists, for each rule, the files that
 * declare it (scripts/rule-locations.ts writes those lines; test/unit/docs.test.ts fails when they are stale).
 */
export interface ServesRules {
  readonly rules: readonly RuleId[];
}

/** Declares the rules of a detector or fix written as a function (detector and transform objects have `rules`). */
export function servingRules<F extends (...args: never[]) => unknown>(rules: readonly RuleId[], serve: F): F & ServesRules {
  return Object.assign(serve, { rules });
}

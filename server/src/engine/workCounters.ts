/**
 * How much of the engine's costly work ran: tests check with these that the work per edit or per fix does not
 * grow with the file (wall time is too noisy to assert on). Plain counters, never reset by the engine itself.
 */
export const workCounters = {
  /** Top-level statements whose detectors ran again (incremental analysis). */
  statementsReanalysed: 0,
  /** Candidate nodes handed to a detector (each node once per detector kind that wants it). */
  candidatesDetected: 0,
  /**
   * Candidate nodes of a function typed in whose detector results were kept from the function's previous version:
   * those outside the run of statements an inner reparse replaced, which that run cannot affect (innerDetection.ts).
   */
  candidatesKept: 0,
  /** Edits re-parsed by parsing only the one top-level statement they lie in, or a run of statements inside it. */
  statementReparses: 0,
  /** Of those, the ones that parsed only a run of statements in a function body (innerStatementReparse.ts). */
  innerStatementReparses: 0,
  /**
   * Positions of nodes under top-level statements moved after an edit (each node or node list counts once): only the
   * statements something looks into are brought up to date (shiftNodes.ts), not everything after the edit.
   */
  nodesMoved: 0,
  /** Of the inner reparses, those that kept the statement after the edit as it was, only moved (spliceBeforeLast). */
  innerStatementsKept: 0,
  /** Of those, the ones kept after a half-typed statement: a lone word, or an operand missing before it (typedEndsAlike). */
  innerStatementsKeptAfterHalfTyped: 0,
  /** Statements made by an inner reparse whose scan was made from the one they replaced and the runs only (derivedScan.ts). */
  scansDerived: 0,
  /**
   * Function declarations made by an inner reparse whose quietness (quietFunction.ts), or its absence, was known from
   * the one they replaced and the runs taken out and put in, without a walk of the whole function.
   */
  quietnessInherited: 0,
  /** Top-level statements moved after an edit (their own positions only; two numbers each). */
  statementsMoved: 0,
  /**
   * Top-level statements whose declarations the symbol tracker recorded (a new statement, or a kept one a resolution
   * first entered): it keeps the others' records between versions.
   */
  statementsBound: 0,
  /** Edits re-parsed over the whole file (TypeScript's incremental parse, or a fresh parse). */
  fileReparses: 0,
  /** Of those, the parses of a document's analysis made from scratch (its first version, or after it was forgotten). */
  freshParses: 0,
  /** Whole-text analyses made by the fix pipeline (one per rewrite pass that needs fresh findings). */
  fixAnalyses: 0,
  /** Analyses by the fix pipeline of a text made by a rewrite pass, incrementally: only the statements the pass edited. */
  fixReanalyses: 0,
  /** Rewrite passes run (a transform applied to the text). */
  rewritePasses: 0,
  /** Transform checks run on single findings (the fixability assessment). */
  checks: 0,
  /**
   * Top-level statements the fixability refinement walked for the names they mention, not having them from the
   * analysis's own walk of the statement (statementSummary.ts): none while typing in the editor.
   */
  nameWalks: 0,
  /**
   * Findings whose place (their shape relative to their statement) the refinement made again: not those the
   * analysis only moved with their statement (findingMoves.ts).
   */
  findingShapes: 0,
  /** Of those, the shapes made from the shape of the finding at the same index before, the two findings alike apart from their ranges. */
  findingShapesReused: 0,
  /**
   * Searches of a whole text for a fixed string (a NUL, a suppression directive, a migration TODO marker): while
   * typing, the document's carried presence answers them from the few characters around the edit (textPresence.ts).
   */
  wholeTextSearches: 0,
  /** Versions of an open document compared with the version before to find what changed (the client sent no range). */
  textsCompared: 0,
  /**
   * Top-level statements visited to collect the findings of an incremental analysis: those that report findings,
   * not every statement of the file.
   */
  statementsCollected: 0,
  /**
   * Verdicts kept across an edit inside their finding's own top-level statement: an inner reparse replaced statements
   * their check did not read (innerEditVerdicts.ts).
   */
  verdictsKeptInside: 0,
  /**
   * Statements of an inner reparse's runs whose text it left as it was, only moved (a half-typed line takes the call
   * after it into the run): a finding in one keeps its verdict as beside the runs (innerEditVerdicts.ts).
   */
  statementsMovedInRuns: 0,
  /** Findings whose fixability was refined from scratch. */
  findingsRefined: 0,
  /**
   * Refinements of an edited document answered from the last one (every verdict kept, every finding in the same
   * place): refineFixability did not run at all.
   */
  refinementsCarried: 0,
  /**
   * Fixable findings of a text that does not parse made waiting for the syntax (fixes/index.ts waitingForSyntax): not
   * those the editor handed back as the same objects, which keep what was made of them at an earlier keystroke.
   */
  waitingFindingsMade: 0,
};

export type WorkCounts = typeof workCounters;

/** The counters now, as a copy. */
export function snapshotWorkCounters(): WorkCounts {
  return { ...workCounters };
}

/** What ran between `before` and now. */
export function workSince(before: WorkCounts): WorkCounts {
  const now = snapshotWorkCounters();
  for (const key of Object.keys(now) as Array<keyof WorkCounts>) now[key] -= before[key];
  return now;
}

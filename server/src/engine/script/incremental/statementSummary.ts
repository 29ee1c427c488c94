import type ts from '../../typescript';
import type { Finding } from '../../types';
import type { NodeScan } from '../scanNodes';

/** A finding kept between versions, with the statement its range lies in and where that statement started then. */
export interface AnchoredFinding {
  finding: Finding;
  anchor: ts.Statement;
  anchorPos: number;
}

/** What the detectors produced for the candidates of one top-level statement. */
export interface StatementResult {
  findings: AnchoredFinding[];
  /** Nodes its detectors claimed (generic detectors skip them). */
  claims: ts.Node[];
  /** Other top-level statements its detectors reported in or claimed in. */
  links: Set<ts.Statement>;
  /** What each candidate produced, for a run over this statement alone (innerDetection.ts); else undefined. */
  outcomes?: CandidateOutcome[];
}

/** A statement summary's scan: with the identifiers and references always gathered. */
export type StatementScan = NodeScan & { identifiers: Set<string>; references: Map<string, ts.Identifier[]> };

/** One top-level statement's part of the analysis; valid as long as the parser reuses the statement node. */
export interface StatementSummary {
  scan: StatementScan;
  /** Names this statement declares in the file's scope or assigns: what other statements may depend on. */
  visibleNames: Set<string>;
  /** The binding nodes that declare or assign those names: recorded for every version, the others only on demand. */
  visibleBindingNodes: Set<ts.Node>;
  /** The symbol tracker has recorded all its binding nodes, not only the visible ones. */
  recordedWhole: boolean;
  /** Undefined until the detectors have run for this settings + locale. */
  result?: StatementResult;
}

/**
 * What the detectors produced for one candidate node of a statement: kept for a run over that statement alone (as a
 * keystroke makes), so that the next version of the statement, made by an inner reparse, can keep it.
 */
export interface CandidateOutcome {
  candidate: ts.Node;
  findings: OutcomeFinding[];
  claims: ts.Node[];
  /** Nodes claimed or checked for a claim. */
  touched: ts.Node[];
  /** Other top-level statements it reported in or touched. */
  links: ts.Statement[];
  /** A finding in its own statement but outside the candidate: it cannot be moved with the candidate. */
  strays: boolean;
}

export interface OutcomeFinding {
  anchored: AnchoredFinding;
  /** Index of the (detector, kind) step that reported it (runDetectors' `beforeStep`). */
  step: number;
  /** Its start after the candidate's `pos`; undefined when it lies in another top-level statement (moved with that). */
  offset: number | undefined;
}

import type ts from '../../typescript';
import type { Finding } from '../../types';
import type { DetectorRunHooks } from '../runDetectors';
import { settleStatement } from './shiftNodes';
import type { StatementIndex } from './statementIndex';
import type { CandidateOutcome, StatementResult } from './statementSummary';

/**
 * The hooks of one detector run over some statements: each statement's findings, claims and links, sorted out as the
 * detectors report. Methods of one class, not closures made per run: V8 keeps a closure's optimised code only while a
 * closure of it lives, so closures made per keystroke were compiled again after every full collection (issue #13).
 */
export class StatementResults implements DetectorRunHooks {
  readonly results: Map<ts.Statement, StatementResult>;
  /** The statement whose summary the current candidate came from, and its result. */
  private owner: ts.Statement | undefined = undefined;
  private result: StatementResult | undefined = undefined;

  /** With `outcomes`: what each candidate produced is kept too (innerDetection.ts). */
  constructor(private readonly order: readonly ts.Statement[], private readonly index: StatementIndex, private readonly outcomes = false) {
    this.results = new Map();
    for (const statement of order) {
      this.results.set(statement, { findings: [], claims: [], links: new Set(), outcomes: outcomes ? [] : undefined });
    }
  }

  /** The current (detector, kind) step, the candidate and its outcome (made on its first report, claim or check). */
  private step = 0;
  private candidate: ts.Node | undefined = undefined;
  private outcome: CandidateOutcome | undefined = undefined;
  private readonly outcomeOf = new Map<ts.Node, CandidateOutcome>();

  beforeStep(step: number): void {
    this.step = step;
  }

  beforeCandidate(node: ts.Node, group: number): void {
    this.owner = this.order[group];
    this.result = this.results.get(this.owner)!;
    if (this.outcomes) {
      this.candidate = node;
      this.outcome = undefined;
    }
  }

  reported(finding: Finding): void {
    const anchor = this.index.at(finding.range.start) ?? this.owner!;
    this.link(anchor);
    const anchored = { finding, anchor, anchorPos: anchor.pos };
    this.result!.findings.push(anchored);
    if (!this.outcomes) return;
    const outcome = this.currentOutcome();
    const candidate = outcome.candidate;
    let offset: number | undefined;
    if (anchor === this.owner) {
      offset = finding.range.start - candidate.pos;
      if (finding.range.start < candidate.pos || finding.range.end > candidate.end) outcome.strays = true;
    }
    outcome.findings.push({ anchored, step: this.step, offset });
  }

  claimed(node: ts.Node): void {
    this.result!.claims.push(node);
    if (this.outcomes) this.currentOutcome().claims.push(node);
  }

  touched(node: ts.Node): void {
    const statement = this.index.of(node);
    if (statement) settleStatement(statement);
    this.link(statement);
    if (this.outcomes) this.currentOutcome().touched.push(node);
  }

  private link(statement: ts.Statement | undefined): void {
    if (!statement || statement === this.owner) return;
    this.result!.links.add(statement);
    if (this.outcomes) this.currentOutcome().links.push(statement);
  }

  private currentOutcome(): CandidateOutcome {
    if (this.outcome) return this.outcome;
    const candidate = this.candidate!;
    let outcome = this.outcomeOf.get(candidate);
    if (!outcome) {
      outcome = { candidate, findings: [], claims: [], touched: [], links: [], strays: false };
      this.outcomeOf.set(candidate, outcome);
      this.result!.outcomes!.push(outcome);
    }
    return (this.outcome = outcome);
  }
}

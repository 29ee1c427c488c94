import type ts from '../../typescript';
import type { Finding } from '../../types';
import type { DetectorRunHooks } from '../runDetectors';
import { settleStatement } from './shiftNodes';
import type { StatementIndex } from './statementIndex';
import type { StatementResult } from './statementSummary';

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

  constructor(private readonly order: readonly ts.Statement[], private readonly index: StatementIndex) {
    this.results = new Map();
    for (const statement of order) this.results.set(statement, { findings: [], claims: [], links: new Set() });
  }

  beforeCandidate(_node: ts.Node, group: number): void {
    this.owner = this.order[group];
    this.result = this.results.get(this.owner)!;
  }

  reported(finding: Finding): void {
    const anchor = this.index.at(finding.range.start) ?? this.owner!;
    this.link(anchor);
    this.result!.findings.push({ finding, anchor, anchorPos: anchor.pos });
  }

  claimed(node: ts.Node): void {
    this.result!.claims.push(node);
  }

  touched(node: ts.Node): void {
    const statement = this.index.of(node);
    if (statement) settleStatement(statement);
    this.link(statement);
  }

  private link(statement: ts.Statement | undefined): void {
    if (statement && statement !== this.owner) this.result!.links.add(statement);
  }
}

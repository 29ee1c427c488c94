import type ts from '../typescript';
import { createFinding, type FindingDraft } from '../finding';
import type { CancellationToken, EngineSettings, Finding } from '../types';
import type { Bindings } from './bindings';
import type { ScriptContext } from './scriptContext';
import { SCRIPT_DETECTORS } from './detectors';
import { workCounters } from '../workCounters';

/** A run's observers: the incremental analysis learns from them which top-level statements a result touches. */
export interface DetectorRunHooks {
  /**
   * Called before a detector is handed the candidates of one of its kinds, with the step's index in the run's fixed
   * order of (detector, kind) steps: what orders findings as a whole run reports them.
   */
  beforeStep?(step: number): void;
  /** Called before each candidate is handed to a detector, with the index of the group it came from. */
  beforeCandidate?(node: ts.Node, group: number): void;
  reported?(finding: Finding): void;
  claimed?(node: ts.Node): void;
  /** A node claimed or checked for a claim. */
  touched?(node: ts.Node): void;
}

export interface DetectorRun {
  sourceFile: ts.SourceFile;
  bindings: Bindings;
  settings: EngineSettings;
  token?: CancellationToken;
  /** Nodes already claimed by detectors that ran earlier on other parts of the file. */
  claimed?: Set<ts.Node>;
  hooks?: DetectorRunHooks;
  stringScans?: Map<string, readonly FindingDraft[]>;
}

/**
 * Runs every detector, in registry order, over candidate groups given in document order (each group a map of
 * candidates by kind: the whole file, or one top-level statement each). Undefined when cancelled.
 */
export function runDetectors(groups: ReadonlyArray<ReadonlyMap<ts.SyntaxKind, readonly ts.Node[]>>, run: DetectorRun): Finding[] | undefined {
  const context = new DetectorContext(run);
  const findings = context.findings;
  const hooks = run.hooks;
  const byKind = candidatesByKind(groups);
  let step = -1;
  for (const detector of SCRIPT_DETECTORS) {
    if (run.token?.isCancellationRequested) return undefined;
    for (const kind of detector.kinds) {
      step++;
      const candidates = byKind.get(kind);
      if (!candidates) continue;
      hooks?.beforeStep?.(step);
      const { nodes, groupOf } = candidates;
      workCounters.candidatesDetected += nodes.length;
      for (let i = 0; i < nodes.length; i++) {
        hooks?.beforeCandidate?.(nodes[i], groupOf?.[i] ?? 0);
        detector.detect(nodes[i], context);
      }
    }
  }
  return findings;
}

/**
 * What a run hands each detector. Methods of one class, not closures made per run: V8 keeps a closure's optimised
 * code only while one of its closures lives, so closures made per keystroke were compiled again after every full
 * collection (issue #13), and a detector calling a new closure each run could not inline it.
 */
class DetectorContext implements ScriptContext {
  readonly sourceFile: ts.SourceFile;
  readonly bindings: Bindings;
  readonly settings: EngineSettings;
  readonly stringScans: Map<string, readonly FindingDraft[]> | undefined;
  readonly findings: Finding[] = [];
  private readonly claimedNodes: Set<ts.Node>;
  private readonly hooks: DetectorRunHooks | undefined;

  constructor(run: DetectorRun) {
    this.sourceFile = run.sourceFile;
    this.bindings = run.bindings;
    this.settings = run.settings;
    this.stringScans = run.stringScans;
    this.claimedNodes = run.claimed ?? new Set<ts.Node>();
    this.hooks = run.hooks;
  }

  report(draft: FindingDraft): void {
    const finding = createFinding(draft, this.settings);
    if (!finding) return;
    this.findings.push(finding);
    this.hooks?.reported?.(finding);
  }

  claim(node: ts.Node): void {
    this.hooks?.touched?.(node);
    this.hooks?.claimed?.(node);
    this.claimedNodes.add(node);
  }

  isClaimed(node: ts.Node): boolean {
    this.hooks?.touched?.(node);
    return this.claimedNodes.has(node);
  }
}

/** Candidates of one kind in document order, with the group each came from (none: all of group 0). */
interface Candidates {
  nodes: readonly ts.Node[];
  groupOf?: readonly number[];
}

/**
 * Every group's candidates of each kind, in group order, with the group each came from: one look at each group's
 * kinds, instead of one lookup per group for every kind every detector wants (a large file's analysis has tens of
 * thousands of groups, one per top-level statement).
 */
function candidatesByKind(groups: ReadonlyArray<ReadonlyMap<ts.SyntaxKind, readonly ts.Node[]>>): Map<ts.SyntaxKind, Candidates> {
  // One group (the whole file, or one statement typed in): its own lists, all of group 0. The same fields as below,
  // so that the detector loop reads one hidden class whether a keystroke or a document's open made them (issue #13).
  if (groups.length === 1) return new Map([...groups[0]].map(([kind, nodes]) => [kind, { nodes, groupOf: undefined }]));
  const byKind = new Map<ts.SyntaxKind, { nodes: ts.Node[]; groupOf: number[] }>();
  groups.forEach((group, index) => {
    for (const [kind, nodes] of group) {
      let candidates = byKind.get(kind);
      if (!candidates) byKind.set(kind, candidates = { nodes: [], groupOf: [] });
      for (const node of nodes) {
        candidates.nodes.push(node);
        candidates.groupOf.push(index);
      }
    }
  });
  return byKind;
}

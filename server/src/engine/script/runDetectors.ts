import type ts from '../typescript';
import { createFinding } from '../finding';
import type { CancellationToken, EngineSettings, Finding } from '../types';
import type { Bindings } from './bindings';
import type { ScriptContext } from './scriptContext';
import { SCRIPT_DETECTORS } from './detectors';

/** A run's observers: the incremental analysis learns from them which top-level statements a result touches. */
export interface DetectorRunHooks {
  /** Called before each candidate is handed to a detector. */
  beforeCandidate?(node: ts.Node): void;
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
}

/**
 * Runs every detector, in registry order, over candidate groups given in document order (each group a map of
 * candidates by kind: the whole file, or one top-level statement each). Undefined when cancelled.
 */
export function runDetectors(groups: ReadonlyArray<ReadonlyMap<ts.SyntaxKind, readonly ts.Node[]>>, run: DetectorRun): Finding[] | undefined {
  const findings: Finding[] = [];
  const claimed = run.claimed ?? new Set<ts.Node>();
  const hooks = run.hooks;
  const context: ScriptContext = {
    sourceFile: run.sourceFile,
    bindings: run.bindings,
    settings: run.settings,
    report(draft) {
      const finding = createFinding(draft, run.settings);
      if (!finding) return;
      findings.push(finding);
      hooks?.reported?.(finding);
    },
    claim: (node) => {
      hooks?.touched?.(node);
      hooks?.claimed?.(node);
      claimed.add(node);
    },
    isClaimed: (node) => {
      hooks?.touched?.(node);
      return claimed.has(node);
    },
  };
  for (const detector of SCRIPT_DETECTORS) {
    if (run.token?.isCancellationRequested) return undefined;
    for (const kind of detector.kinds) {
      for (const group of groups) {
        for (const node of group.get(kind) ?? []) {
          hooks?.beforeCandidate?.(node);
          detector.detect(node, context);
        }
      }
    }
  }
  return findings;
}

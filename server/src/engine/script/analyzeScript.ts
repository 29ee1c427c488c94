import ts from 'typescript';
import { mayMentionBedrock } from '../catalog/modelIds';
import { createFinding } from '../finding';
import type { AnalyzeInput, Finding, ScriptLanguage } from '../types';
import { Bindings } from './bindings';
import type { ScriptContext } from './context';
import { SCRIPT_DETECTORS } from './detectors';
import { parseScript } from './parse';
import { applySuppressions } from './suppression';

const WANTED_KINDS = new Set(SCRIPT_DETECTORS.flatMap((detector) => detector.kinds));

/** Finds every Bedrock use in a TypeScript/JavaScript text. */
export function analyzeScript(input: AnalyzeInput): Finding[] {
  // Cheap pre-check: a file that never mentions Bedrock or a model id is not even parsed.
  if (!mayMentionBedrock(input.text) || input.token?.isCancellationRequested) return [];
  const languageId = input.languageId as ScriptLanguage;
  const sourceFile = parseScript(input.text, languageId, input.fileName);
  return analyzeSourceFile(sourceFile, input);
}

export function analyzeSourceFile(sourceFile: ts.SourceFile, input: Pick<AnalyzeInput, 'settings' | 'token'>): Finding[] {
  const bindings = new Bindings();
  const candidates = collect(sourceFile, bindings);
  const findings: Finding[] = [];
  const claimed = new Set<ts.Node>();
  const context: ScriptContext = {
    sourceFile,
    bindings,
    settings: input.settings,
    report(draft) {
      const finding = createFinding(draft, input.settings);
      if (finding) findings.push(finding);
    },
    claim: (node) => claimed.add(node),
    isClaimed: (node) => claimed.has(node),
  };
  for (const detector of SCRIPT_DETECTORS) {
    if (input.token?.isCancellationRequested) return [];
    for (const kind of detector.kinds) {
      for (const node of candidates.get(kind) ?? []) detector.detect(node, context);
    }
  }
  return applySuppressions(findings, sourceFile);
}

/**
 * One iterative walk (no recursion, so deep nesting cannot overflow our stack): records declarations for
 * the symbol tracker and groups the nodes detectors want by kind, in document order.
 */
function collect(sourceFile: ts.SourceFile, bindings: Bindings): Map<ts.SyntaxKind, ts.Node[]> {
  const candidates = new Map<ts.SyntaxKind, ts.Node[]>();
  const stack: ts.Node[] = [sourceFile];
  const pushChild = (child: ts.Node) => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    bindings.collect(node);
    if (WANTED_KINDS.has(node.kind)) {
      const list = candidates.get(node.kind);
      if (list) list.push(node);
      else candidates.set(node.kind, [node]);
    }
    const before = stack.length;
    ts.forEachChild(node, pushChild);
    // Children were pushed in order; reverse them so they pop in document order.
    reverseTail(stack, before);
  }
  return candidates;
}

function reverseTail(stack: ts.Node[], from: number): void {
  for (let i = from, j = stack.length - 1; i < j; i++, j--) {
    const tmp = stack[i];
    stack[i] = stack[j];
    stack[j] = tmp;
  }
}

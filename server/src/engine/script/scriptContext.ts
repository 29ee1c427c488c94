import ts from '../typescript';
import type { FindingDraft } from '../finding';
import type { EngineSettings, OffsetRange } from '../types';
import type { ServesRules } from '../servesRules';
import type { Bindings } from './bindings';

export interface ScriptContext {
  readonly sourceFile: ts.SourceFile;
  readonly bindings: Bindings;
  readonly settings: EngineSettings;
  report(draft: FindingDraft): void;
  /** Marks a node as reported by a specific detector so generic detectors (strings) skip it. */
  claim(node: ts.Node): void;
  isClaimed(node: ts.Node): boolean;
  /**
   * What scanning string values found, by value (detectStrings.ts: the drafts at offsets from the value's start), when
   * the analysis keeps it across versions (the editor's incremental one, for one settings and locale): while typing,
   * the strings of a statement analysed again are mostly those it had.
   */
  readonly stringScans?: Map<string, readonly FindingDraft[]>;
}

/** One detector: the node kinds it wants and what it does with each. Registered in detectors/index.ts. */
export interface ScriptDetector extends ServesRules {
  readonly name: string;
  readonly kinds: readonly ts.SyntaxKind[];
  detect(node: ts.Node, context: ScriptContext): void;
}

/** The exact range of a node's own text: no leading trivia, and no wrapping parentheses (`new (x.Client)()` → `x.Client`). */
export function rangeOf(node: ts.Node, sourceFile: ts.SourceFile): OffsetRange {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return { start: inner.getStart(sourceFile), end: inner.getEnd() };
}

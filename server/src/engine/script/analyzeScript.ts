import type ts from '../typescript';
import { mayMentionBedrock } from '../catalog/modelIds';
import type { AnalyzeInput, Finding, ScriptLanguage } from '../types';
import { Bindings } from './bindings';
import { parseScript } from './parse';
import { runDetectors } from './runDetectors';
import { scanNodes } from './scanNodes';
import { applySuppressions } from './suppression';

/** Finds every Bedrock use in a TypeScript/JavaScript text. */
export function analyzeScript(input: AnalyzeInput): Finding[] {
  return analyzeScriptKeepingTree(input).findings;
}

/**
 * The same, also handing back the syntax tree when the text was parsed (every parent pointer set by the analysis
 * walk), so the fixability refinement need not parse the text again.
 */
export function analyzeScriptKeepingTree(input: AnalyzeInput): { findings: Finding[]; sourceFile?: ts.SourceFile } {
  // Cheap pre-check: a file that never mentions Bedrock or a model id is not even parsed.
  if (!mayMentionBedrock(input.text) || input.token?.isCancellationRequested) return { findings: [] };
  const languageId = input.languageId as ScriptLanguage;
  // No parent pointers from the parser: the analysis walk sets them.
  const sourceFile = parseScript(input.text, languageId, input.fileName, false);
  return { findings: analyzeSourceFile(sourceFile, input), sourceFile };
}

/** `analyzeScript` for a text its caller has parsed already (`sourceFile` is the tree of `input.text`). */
export function analyzeScriptTree(sourceFile: ts.SourceFile, input: AnalyzeInput): Finding[] {
  if (!mayMentionBedrock(input.text) || input.token?.isCancellationRequested) return [];
  return analyzeSourceFile(sourceFile, input);
}

/** Analyses a parsed file; its parent pointers need not be set (the walk sets them). */
export function analyzeSourceFile(sourceFile: ts.SourceFile, input: Pick<AnalyzeInput, 'settings' | 'token'>): Finding[] {
  const scan = scanNodes(sourceFile);
  const bindings = new Bindings();
  for (const node of scan.bindingNodes) bindings.collect(node);
  const findings = runDetectors([scan.candidates], { sourceFile, bindings, settings: input.settings, token: input.token });
  return findings ? applySuppressions(findings, sourceFile) : [];
}

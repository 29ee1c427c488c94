import { analyzePython } from '../python/analyzePython';
import { PythonBindings } from '../python/pythonBindings';
import { scanValue } from '../catalog/scanValue';
import { analyzeScript } from '../script/analyzeScript';
import { analyzeShell } from '../shell/analyzeShell';
import type { CancellationToken, EngineSettings, Finding } from '../types';
import { mappedContext, toDocument } from './mappedContext';
import { fenceKindOf } from './fenceLanguage';
import type { CodeBlock, MarkdownDocument } from './parseMarkdown';

/** Fenced and indented code, each block through the analyser for its language, ranges mapped to the document. */
export function analyzeCodeBlocks(document: MarkdownDocument, settings: EngineSettings, token?: CancellationToken): Finding[] {
  const findings: Finding[] = [];
  // Names bound in one Python fence stay known in the next: a post creates the client once.
  const bindings = new PythonBindings();
  for (const block of document.blocks) {
    if (token?.isCancellationRequested) return [];
    if (block.type !== 'code' || !block.map) continue;
    try {
      analyzeBlock(block, settings, bindings, findings);
    } catch (error) {
      // Pathologically nested code can exhaust a recursive parser; skip that block, keep the document.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return findings;
}

function analyzeBlock(block: CodeBlock, settings: EngineSettings, bindings: PythonBindings, findings: Finding[]): void {
  const map = block.map!;
  const kind = fenceKindOf(block.info, block.text);
  switch (kind?.kind) {
    case 'script':
      for (const finding of analyzeScript({ text: block.text, languageId: kind.languageId, settings, fileName: kind.fileName })) {
        findings.push(toDocument(finding, map, 'script'));
      }
      break;
    case 'python':
      analyzePython(block.text, mappedContext(map, settings, 'python', findings), bindings);
      break;
    case 'shell':
      analyzeShell(block.text, kind, mappedContext(map, settings, 'shell', findings));
      break;
    case 'data':
      // JSON and YAML are data: every string in them is a value, so the whole text is scanned as one.
      scanValue(block.text, 0, mappedContext(map, settings, 'data', findings));
      break;
    case undefined:
      break;
  }
}

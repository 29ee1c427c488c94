import type { EmbeddedContext } from '../embeddedContext';
import type { PythonContext } from './pythonContext';
import { PYTHON_DETECTORS } from './detectors';
import { PythonBindings } from './pythonBindings';
import { pythonParser } from './pythonParser';
import { walk } from './syntax';

const DETECTORS_BY_TYPE = new Map<string, typeof PYTHON_DETECTORS[number][]>();
for (const detector of PYTHON_DETECTORS) {
  for (const type of detector.types) DETECTORS_BY_TYPE.set(type, [...(DETECTORS_BY_TYPE.get(type) ?? []), detector]);
}

/**
 * Finds Bedrock use in Python source (offsets into `text`). `bindings` carries names across the fences of
 * one document. Returns false, reporting nothing, when the parser is not initialised (see initPythonParser).
 */
export function analyzePython(text: string, context: EmbeddedContext, bindings = new PythonBindings()): boolean {
  const parser = pythonParser();
  if (!parser) return false;
  const tree = parser.parse(text);
  if (!tree) return false;
  try {
    const pythonContext: PythonContext = { ...context, report: (draft) => context.report(draft), source: text, bindings, claimed: new Set() };
    for (const node of walk(tree.rootNode)) {
      if (!node.isNamed) continue;
      for (const detector of DETECTORS_BY_TYPE.get(node.type) ?? []) detector.detect(node, pythonContext);
    }
  } finally {
    tree.delete();
  }
  return true;
}

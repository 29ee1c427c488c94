import type { Node } from 'web-tree-sitter';
import type { EmbeddedContext } from '../embeddedContext';
import type { ServesRules } from '../servesRules';
import type { PythonBindings } from './pythonBindings';

export interface PythonContext extends EmbeddedContext {
  /** The Python source being analysed. */
  readonly source: string;
  readonly bindings: PythonBindings;
  /** Start offsets of string nodes a specific detector already reported (the generic string scan skips them). */
  readonly claimed: Set<number>;
}

/** One Python detector: the node types it wants and what it does with each. Registered in detectors/index.ts. */
export interface PythonDetector extends ServesRules {
  readonly name: string;
  readonly types: readonly string[];
  detect(node: Node, context: PythonContext): void;
}

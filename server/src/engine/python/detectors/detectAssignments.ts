import type { Node } from 'web-tree-sitter';
import { clientFactoryCall, isSmithyClientCall } from '../clientFactory';
import type { PythonContext, PythonDetector } from '../pythonContext';
import { dottedName } from '../syntax';

/**
 * `client = boto3.client("bedrock-runtime")`, `self.client = ...`, `with session.client(...) as client:`, and the
 * async SDK's `client = BedrockRuntimeClient(config=...)`.
 */
export const detectAssignments: PythonDetector = {
  name: 'assignments',
  // Binds names for the detectors after it; reports nothing itself.
  rules: [],
  types: ['assignment', 'as_pattern', 'class_definition', 'function_definition'],
  detect(node, context) {
    // `class BedrockRuntimeClient:` / `def client(...)` defined here: the name is no longer the imported one.
    if (node.type === 'class_definition' || node.type === 'function_definition') {
      const name = node.childForFieldName('name')?.text;
      if (name) context.bindings.unbind(name);
      return;
    }
    if (node.type === 'assignment') {
      bindTarget(dottedName(node.childForFieldName('left')), node.childForFieldName('right'), context);
    } else {
      const alias = node.childForFieldName('alias');
      bindTarget(dottedName(alias?.namedChildren[0] ?? alias), node.namedChildren[0], context);
    }
  },
};

function bindTarget(target: string | undefined, value: Node | null | undefined, context: PythonContext): void {
  if (!target) return;
  const factory = value ? clientFactoryCall(value, context.bindings) : undefined;
  const aliased = context.bindings.meaningOf(dottedName(value));
  if (factory) context.bindings.bind(target, { kind: 'bedrock-client', service: factory.service });
  else if (value && isSmithyClientCall(value, context.bindings)) context.bindings.bind(target, { kind: 'bedrock-client', service: 'runtime', sdk: 'smithy' });
  else if (aliased?.kind === 'bedrock-client') context.bindings.bind(target, aliased);
  else context.bindings.unbind(target);
}

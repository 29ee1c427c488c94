import type { Node } from 'web-tree-sitter';
import { clientFactoryCall } from '../clientFactory';
import type { PythonContext, PythonDetector } from '../context';
import { dottedName } from '../syntax';

/** `client = boto3.client("bedrock-runtime")`, `self.client = ...`, `with session.client(...) as client:`. */
export const detectAssignments: PythonDetector = {
  name: 'assignments',
  types: ['assignment', 'as_pattern'],
  detect(node, context) {
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
  else if (aliased?.kind === 'bedrock-client') context.bindings.bind(target, aliased);
  else context.bindings.unbind(target);
}

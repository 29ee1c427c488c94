import type { Node } from 'web-tree-sitter';
import { PLACEHOLDER } from '../../catalog/modelIds';
import { scanValue } from '../../catalog/scanValue';
import type { PythonDetector } from '../pythonContext';
import { children, dottedName, stringContentRange } from '../syntax';

/** Model ids, ARNs, hosts, IAM actions and the API-key variable inside Python string literals. */
export const detectPythonStrings: PythonDetector = {
  name: 'strings',
  rules: ['bedrock/arn', 'bedrock/endpoint-host', 'bedrock/iam-action', 'bedrock/model-id', 'bedrock/api-key'],
  types: ['string'],
  detect(node, context) {
    if (context.claimed.has(node.startIndex)) return;
    const { start, end } = stringContentRange(node);
    if (end <= start) return;
    let value = context.source.slice(start, end);
    // f-string replacement fields become placeholder characters of the same length, so offsets stay exact.
    for (const child of children(node)) {
      if (child.type !== 'interpolation') continue;
      const from = child.startIndex - start;
      const to = child.endIndex - start;
      value = value.slice(0, from) + PLACEHOLDER.repeat(to - from) + value.slice(to);
    }
    scanValue(value, start, context, { apiKeyName: !isMessageText(node) });
  },
};

const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log']);

/**
 * A string that is (part of) a message for people: an argument of `print(...)`, of a logging call
 * (`logging.warning(...)`, `logger.error(...)`, `log.info(...)`), of an exception (`raise ValueError("...")`,
 * `SomethingError(...)`), or of `warnings.warn(...)`. Naming `AWS_BEARER_TOKEN_BEDROCK` there is not a use of the key;
 * `os.environ["AWS_BEARER_TOKEN_BEDROCK"]` and `os.getenv("AWS_BEARER_TOKEN_BEDROCK")` are.
 */
function isMessageText(node: Node): boolean {
  let current: Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    // Through concatenation, `%` formatting, `.format(...)` receivers, parentheses and conditional expressions.
    if (parent.type === 'binary_operator' || parent.type === 'parenthesized_expression' || parent.type === 'conditional_expression'
      || parent.type === 'concatenated_string') continue;
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === current.id && parent.parent?.type === 'call') {
      current = parent;
      parent = parent.parent;
      // `"...".format(x)`: the call's result is the text.
      continue;
    }
    if (parent.type === 'keyword_argument' || parent.type !== 'argument_list') return false;
    const call = parent.parent;
    if (call?.type !== 'call') return false;
    return isMessageCallee(dottedName(call.childForFieldName('function')));
  }
  return false;
}

function isMessageCallee(name: string | undefined): boolean {
  if (!name) return false;
  const parts = name.split('.');
  const last = parts[parts.length - 1];
  if (name === 'print' || name === 'warnings.warn' || /(?:Error|Exception|Warning)$/.test(last)) return true;
  const receiver = parts[parts.length - 2];
  return receiver !== undefined && LOG_METHODS.has(last) && /^(?:logging|logger|_logger|log|_log|LOGGER|LOG)$/.test(receiver);
}

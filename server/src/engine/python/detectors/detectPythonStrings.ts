import { PLACEHOLDER } from '../../catalog/modelIds';
import { scanValue } from '../../script/detectors/detectStrings';
import type { PythonDetector } from '../context';
import { children, stringContentRange } from '../syntax';

/** Model ids, ARNs, hosts, IAM actions and the API-key variable inside Python string literals. */
export const detectPythonStrings: PythonDetector = {
  name: 'strings',
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
    scanValue(value, start, context);
  },
};

import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArguments, positionalArguments } from './syntax';

// Argument shapes the Markdown fixes can rewrite mechanically. Anything else (guardrails, tools, trace,
// positional or splatted arguments) is reported without a fix and left to a person.

const INVOKE_MODEL_ARGUMENTS = new Set(['modelId', 'body', 'contentType', 'accept']);
const CONVERSE_ARGUMENTS = new Set(['modelId', 'messages', 'system', 'inferenceConfig']);
export const INFERENCE_CONFIG_KEYS: Readonly<Record<string, string>> = {
  maxTokens: 'max_tokens', temperature: 'temperature', topP: 'top_p', stopSequences: 'stop',
};

export function isRewritableInvokeModel(call: Node): boolean {
  return hasOnlyKeywords(call, INVOKE_MODEL_ARGUMENTS, ['modelId', 'body']);
}

export function isRewritableConverse(call: Node): boolean {
  if (!hasOnlyKeywords(call, CONVERSE_ARGUMENTS, ['modelId', 'messages'])) return false;
  const config = keywordArguments(call).get('inferenceConfig')?.value;
  return !config || inferenceConfigPairs(config) !== undefined;
}

/** `{"maxTokens": 512, "temperature": 0.5}` or `dict(maxTokens=512)` → key/value nodes; undefined for anything else. */
export function inferenceConfigPairs(config: Node): Array<{ key: string; value: Node }> | undefined {
  const pairs: Array<{ key: string; value: Node }> = [];
  if (config.type === 'dictionary') {
    for (const pair of config.namedChildren) {
      if (pair?.type === 'comment') continue;
      if (pair?.type !== 'pair') return undefined;
      const keyNode = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      const key = keyNode?.type === 'string' ? keyNode.text.slice(1, -1) : undefined;
      if (!key || !value || !Object.hasOwn(INFERENCE_CONFIG_KEYS, key)) return undefined;
      pairs.push({ key, value });
    }
    return pairs;
  }
  return undefined;
}

function hasOnlyKeywords(call: Node, allowed: ReadonlySet<string>, required: readonly string[]): boolean {
  if (positionalArguments(call).length > 0 || hasSplat(call)) return false;
  const keywords = keywordArguments(call);
  return required.every((name) => keywords.has(name)) && [...keywords.keys()].every((name) => allowed.has(name));
}

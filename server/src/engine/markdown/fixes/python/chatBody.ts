import type { Node } from 'web-tree-sitter';
import { INFERENCE_CONFIG_KEYS, inferenceConfigPairs } from '../../../python/fixability';
import { children, stringValue } from '../../../python/syntax';

/**
 * Python source for a chat-completions request body built from Converse arguments. Literal messages are
 * converted in place (`{"role": "user", "content": [{"text": "Hi"}]}` → `{"role": "user", "content": "Hi"}`);
 * anything else is converted at run time by a comprehension.
 */
export function chatBodySource(keywords: Map<string, { value: Node }>, q: string): string {
  const messages = keywords.get('messages')!.value;
  const system = keywords.get('system')?.value;
  const systemMessages = system ? literalSystem(system, q) ?? `[{${q}role${q}: ${q}system${q}, ${q}content${q}: ${q}${q}.join(block[${q}text${q}] for block in ${system.text})}]` : undefined;
  const chatMessages = literalMessages(messages, q)
    ?? `[{${q}role${q}: m[${q}role${q}], ${q}content${q}: ${q}${q}.join(block[${q}text${q}] for block in m[${q}content${q}])} for m in ${messages.text}]`;
  const allMessages = systemMessages ? joinLists(systemMessages, chatMessages) : chatMessages;
  const entries = [`${q}messages${q}: ${allMessages}`];
  const config = keywords.get('inferenceConfig')?.value;
  for (const { key, value } of config ? inferenceConfigPairs(config) ?? [] : []) entries.push(`${q}${INFERENCE_CONFIG_KEYS[key]}${q}: ${value.text}`);
  return `{${entries.join(', ')}}`;
}

/** Two list displays joined into one when both are literal, else `a + b`. */
function joinLists(first: string, second: string): string {
  if (first.startsWith('[') && first.endsWith(']') && second.startsWith('[') && second.endsWith(']') && !second.includes(' for m in ')) {
    return `[${first.slice(1, -1)}, ${second.slice(1, -1)}]`;
  }
  return `${first} + ${second}`;
}

function literalMessages(node: Node, q: string): string | undefined {
  if (node.type !== 'list') return undefined;
  const converted: string[] = [];
  for (const element of children(node)) {
    if (element.type === 'comment') continue;
    const pairs = dictionaryPairs(element);
    const role = pairs?.get('role');
    const content = pairs?.get('content');
    const text = content ? singleTextBlock(content) : undefined;
    if (!role || !text || pairs!.size !== 2) return undefined;
    converted.push(`{${q}role${q}: ${role.text}, ${q}content${q}: ${text.text}}`);
  }
  return `[${converted.join(', ')}]`;
}

function literalSystem(node: Node, q: string): string | undefined {
  const text = singleTextBlock(node);
  return text ? `[{${q}role${q}: ${q}system${q}, ${q}content${q}: ${text.text}}]` : undefined;
}

/** `[{"text": X}]` → X. */
function singleTextBlock(node: Node): Node | undefined {
  if (node.type !== 'list') return undefined;
  const blocks = children(node).filter((child) => child.type !== 'comment');
  if (blocks.length !== 1) return undefined;
  const pairs = dictionaryPairs(blocks[0]);
  return pairs?.size === 1 ? pairs.get('text') : undefined;
}

function dictionaryPairs(node: Node): Map<string, Node> | undefined {
  if (node.type !== 'dictionary') return undefined;
  const pairs = new Map<string, Node>();
  for (const pair of children(node)) {
    if (pair.type === 'comment') continue;
    const key = stringValue(pair.childForFieldName('key'));
    const value = pair.childForFieldName('value');
    if (pair.type !== 'pair' || key === undefined || !value) return undefined;
    pairs.set(key, value);
  }
  return pairs;
}

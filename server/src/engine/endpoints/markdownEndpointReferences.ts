// Endpoint names in a Markdown document's code: TypeScript/JavaScript fences read as code files are
// (`EndpointName: "<literal>"`), Python fences by their keyword arguments and dictionary entries
// (`invoke_endpoint(EndpointName="<literal>")`, `{"EndpointName": "<literal>"}`). A migration guide or README that
// names an endpoint is checked against a discovery like the code. Ranges are into the document.
import type { Node } from 'web-tree-sitter';
import { placeholderModelId } from '../catalog/endpointChoice';
import { fenceKindOf } from '../markdown/fenceLanguage';
import { parseMarkdown } from '../markdown/parseMarkdown';
import { pythonParser } from '../python/pythonParser';
import { keywordArguments, stringValue, walk } from '../python/syntax';
import type { OffsetRange } from '../types';
import { type EndpointReference, endpointReferencesInScript } from './endpointReferences';

export function endpointReferencesInMarkdown(text: string): EndpointReference[] {
  const references: EndpointReference[] = [];
  for (const block of parseMarkdown(text).blocks) {
    if (block.type !== 'code' || !block.map) continue;
    const kind = fenceKindOf(block.info, block.text);
    let local: EndpointReference[];
    try {
      if (kind?.kind === 'script') local = endpointReferencesInScript(block.text, kind.languageId, kind.fileName);
      else if (kind?.kind === 'python') local = endpointReferencesInPython(block.text);
      else continue;
    } catch (error) {
      // Pathologically nested code can exhaust a recursive parser: that block names nothing we can read.
      if (error instanceof RangeError) continue;
      throw error;
    }
    const map = block.map;
    for (const reference of local) {
      references.push({
        ...reference,
        range: map.toDocumentRange(reference.range),
        ...(reference.componentRange ? { componentRange: map.toDocumentRange(reference.componentRange) } : {}),
      });
    }
  }
  return references;
}

/** `EndpointName="<literal>"` keyword arguments and dictionary entries, with the `InferenceComponentName` beside it. None before the parser is ready. */
export function endpointReferencesInPython(text: string): EndpointReference[] {
  const tree = pythonParser()?.parse(text);
  if (!tree) return [];
  try {
    const references: EndpointReference[] = [];
    for (const node of walk(tree.rootNode)) {
      const named = node.type === 'call' ? keywordValues(node) : node.type === 'dictionary' ? dictionaryValues(node) : undefined;
      const name = named?.get('EndpointName');
      const endpointName = stringValue(name);
      if (!name || endpointName === undefined || endpointName === '' || placeholderModelId(endpointName) !== undefined) continue;
      const component = named!.get('InferenceComponentName');
      const componentName = stringValue(component);
      references.push({
        range: rangeOf(name), endpointName,
        ...(component && componentName !== undefined ? { inferenceComponentName: componentName, componentRange: rangeOf(component) } : {}),
      });
    }
    return references;
  } finally {
    tree.delete();
  }
}

function keywordValues(call: Node): Map<string, Node> {
  return new Map([...keywordArguments(call)].map(([key, { value }]) => [key, value]));
}

function dictionaryValues(dictionary: Node): Map<string, Node> {
  const values = new Map<string, Node>();
  for (const pair of dictionary.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = stringValue(pair.childForFieldName('key'));
    const value = pair.childForFieldName('value');
    if (key !== undefined && value) values.set(key, value);
  }
  return values;
}

function rangeOf(node: Node): OffsetRange {
  return { start: node.startIndex, end: node.endIndex };
}

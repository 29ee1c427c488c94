// Endpoint names in a Markdown document's code: TypeScript/JavaScript fences read as code files are
// (`EndpointName: "<literal>"`), Python fences by their keyword arguments and dictionary entries
// (`invoke_endpoint(EndpointName="<literal>")`, `{"EndpointName": "<literal>"}`), shell fences by the AWS CLI's
// `sagemaker-runtime invoke-endpoint --endpoint-name <name>`. A migration guide or README that names an endpoint is
// checked against a discovery like the code. Ranges are into the document.
import type { Node } from 'web-tree-sitter';
import { placeholderModelId } from '../catalog/endpointChoice';
import { fenceKindOf } from '../markdown/fenceLanguage';
import { parseMarkdown } from '../markdown/parseMarkdown';
import { pythonParser } from '../python/pythonParser';
import { keywordArguments, stringValue, walk } from '../python/syntax';
import { type CliOption, parseAwsCommand, parseCliArguments } from '../shell/awsCommand';
import { maskPromptsAndOutput } from '../shell/prompts';
import { shellCommands } from '../shell/shellCommands';
import type { ShellDialect } from '../shell/tokenizeShell';
import type { OffsetRange } from '../types';
import { type EndpointReference, endpointReferencesInScript } from './endpointReferences';

/**
 * Text that can name an endpoint the way the readers below look for it. After a connect a document's references are
 * read on every diagnostic pull (each keystroke): a document or fence without these words is not parsed.
 */
const MAY_NAME_ENDPOINT = /EndpointName|--endpoint-name/;

export function endpointReferencesInMarkdown(text: string): EndpointReference[] {
  if (!MAY_NAME_ENDPOINT.test(text)) return [];
  const references: EndpointReference[] = [];
  for (const block of parseMarkdown(text).blocks) {
    if (block.type !== 'code' || !block.map || !MAY_NAME_ENDPOINT.test(block.text)) continue;
    const kind = fenceKindOf(block.info, block.text);
    let local: EndpointReference[];
    try {
      if (kind?.kind === 'script') local = endpointReferencesInScript(block.text, kind.languageId, kind.fileName);
      else if (kind?.kind === 'python') local = endpointReferencesInPython(block.text);
      else if (kind?.kind === 'shell') local = endpointReferencesInShell(block.text, kind.dialect, kind.transcript);
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
function endpointReferencesInPython(text: string): EndpointReference[] {
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

/** `aws sagemaker-runtime invoke-endpoint[-with-response-stream] --endpoint-name <name> [--inference-component-name <name>]`. */
function endpointReferencesInShell(text: string, dialect: ShellDialect, transcript: boolean): EndpointReference[] {
  const references: EndpointReference[] = [];
  for (const command of shellCommands(maskPromptsAndOutput(text, transcript, dialect), dialect).commands) {
    const aws = parseAwsCommand(command);
    if (aws?.service.value !== 'sagemaker-runtime' || !INVOKE_OPERATIONS.has(aws.operation?.value ?? '')) continue;
    const { options } = parseCliArguments(aws.args);
    const name = literalWord(options.get('--endpoint-name'));
    if (!name || placeholderModelId(name.value) !== undefined) continue;
    const component = literalWord(options.get('--inference-component-name'));
    references.push({
      range: { start: name.start, end: name.end }, endpointName: name.value,
      ...(component ? { inferenceComponentName: component.value, componentRange: { start: component.start, end: component.end } } : {}),
    });
  }
  return references;
}

const INVOKE_OPERATIONS = new Set(['invoke-endpoint', 'invoke-endpoint-with-response-stream', 'invoke-endpoint-async']);

/**
 * An option's value (`--flag value`, or `--flag=value`) with its range in the text (quotes included when it is its own
 * word), when it is a plain name: no variable or substitution the shell would expand.
 */
function literalWord(option: CliOption | undefined): { value: string; start: number; end: number } | undefined {
  if (!option?.value || /[$`]/.test(option.value)) return undefined;
  if (option.valueWord) return { value: option.value, start: option.valueWord.start, end: option.valueWord.end };
  const offsets = option.flag.offsets.slice(option.flag.value.indexOf('=') + 1);
  return offsets.length > 0 ? { value: option.value, start: offsets[0], end: offsets[offsets.length - 1] + 1 } : undefined;
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

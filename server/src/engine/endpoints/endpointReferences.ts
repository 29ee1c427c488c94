// Where a workspace names a SageMaker endpoint: the `endpoints` mapping of a settings file, and endpoint-name string
// literals in code (InvokeEndpoint inputs, adapter calls, the lookup tables the fixes write). Pure: text in,
// references with their ranges out; the endpoint validation (endpointValidation.ts) checks them against a discovery.
import { type Node, parseTree } from '../jsonc';
import ts from '../typescript';
import { parseScript, propertyNameText } from '../script/parse';
import type { ScriptLanguage, OffsetRange } from '../types';
import { placeholderModelId } from '../catalog/endpointChoice';

export interface EndpointReference {
  /** The range of the endpoint name's string (with its quotes). */
  range: OffsetRange;
  endpointName: string;
  inferenceComponentName?: string;
  /** The range of the inference component name's string, when there is one. */
  componentRange?: OffsetRange;
  /** The Bedrock model id this endpoint stands in for, when the text says (a mapping key, a lookup-table key). */
  modelId?: string;
  /** The container the mapping declares (settings only). */
  container?: string;
}

/** Which settings file: `.vscode/settings.json` (keys under `bedrockToSagemaker.endpoints`) or a CLI config (`endpoints`). */
export type SettingsFileKind = 'vscode-settings' | 'cli-config';

/** The `endpointName` values of the endpoints mapping in a settings file (JSON with comments). */
export function endpointReferencesInSettings(text: string, kind: SettingsFileKind): EndpointReference[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== 'object') return [];
  const section = kind === 'vscode-settings' ? propertyValue(root, 'bedrockToSagemaker.endpoints') ?? nested(root, 'bedrockToSagemaker', 'endpoints') : propertyValue(root, 'endpoints');
  if (section?.type !== 'object') return [];
  const references: EndpointReference[] = [];
  for (const property of section.children ?? []) {
    const [key, value] = property.children ?? [];
    if (typeof key?.value !== 'string' || value?.type !== 'object') continue;
    const name = propertyValue(value, 'endpointName');
    if (name?.type !== 'string' || typeof name.value !== 'string') continue;
    const component = propertyValue(value, 'inferenceComponentName');
    const container = propertyValue(value, 'container');
    references.push({
      range: { start: name.offset, end: name.offset + name.length },
      endpointName: name.value,
      modelId: key.value,
      ...(component?.type === 'string' ? { inferenceComponentName: String(component.value), componentRange: { start: component.offset, end: component.offset + component.length } } : {}),
      ...(container?.type === 'string' ? { container: String(container.value) } : {}),
    });
  }
  return references;
}

function propertyValue(object: Node, name: string): Node | undefined {
  const property = object.children?.find((child) => child.children?.[0]?.value === name);
  return property?.children?.[1];
}

function nested(root: Node, section: string, key: string): Node | undefined {
  const object = propertyValue(root, section);
  return object?.type === 'object' ? propertyValue(object, key) : undefined;
}

/**
 * `EndpointName: "<literal>"` properties of object literals (the input of InvokeEndpoint and its streaming form,
 * adapter calls, lookup-table entries), with the `InferenceComponentName` literal beside it. A lookup-table entry's
 * key is the model id. Placeholders the fixes wrote are left to bedrock/migration-todo.
 */
export function endpointReferencesInScript(text: string, languageId: ScriptLanguage, fileName?: string): EndpointReference[] {
  const sourceFile = parseScript(text, languageId, fileName);
  const references: EndpointReference[] = [];
  const literalText = (node: ts.Expression | undefined) =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const propertyNamed = (name: string) => node.properties.find((property): property is ts.PropertyAssignment =>
        ts.isPropertyAssignment(property) && propertyNameText(property.name) === name);
      const name = literalText(propertyNamed('EndpointName')?.initializer);
      if (name && name.text !== '' && placeholderModelId(name.text) === undefined) {
        const component = literalText(propertyNamed('InferenceComponentName')?.initializer);
        const entry = ts.isPropertyAssignment(node.parent) && node.parent.initializer === node ? node.parent : undefined;
        const modelId = entry && (ts.isStringLiteral(entry.name) || ts.isNoSubstitutionTemplateLiteral(entry.name)) ? entry.name.text : undefined;
        references.push({
          range: { start: name.getStart(sourceFile), end: name.end },
          endpointName: name.text,
          ...(component ? { inferenceComponentName: component.text, componentRange: { start: component.getStart(sourceFile), end: component.end } } : {}),
          ...(modelId ? { modelId } : {}),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return references;
}

import * as l10n from '@vscode/l10n';
import ts from '../../../typescript';
import { type ModelFamily, findModelIds } from '../../catalog/modelIds';
import { stringValue } from '../../script/parse';
import { endpointFor } from '../../settings';
import type { EndpointMapping, EngineSettings } from '../../types';
import type { FixContext } from '../context';
import { quoted, semi } from '../style';

export const ENDPOINT_TABLE = 'SAGEMAKER_ENDPOINTS';
export const ENDPOINT_LOOKUP = 'sageMakerEndpointFor';
export const ENDPOINT_TABLE_TYPE = 'SageMakerEndpointTable';
export const TODO = 'TODO(bedrock-to-sagemaker)';

/** The SageMaker properties that replace `modelId: <expression>`, and what is known about the model. */
export interface EndpointTarget {
  /** e.g. `EndpointName: "llama3-8b"` or `...sageMakerEndpointFor(SAGEMAKER_ENDPOINTS, modelId)`. */
  properties: string[];
  modelId?: string;
  family?: ModelFamily;
  container?: EndpointMapping['container'];
}

/**
 * A literal model id becomes its mapped endpoint (or a placeholder constant with a TODO when unmapped); any
 * other expression goes through a generated lookup table, never a guess.
 */
export function endpointTargetFor(context: FixContext, modelIdExpression: ts.Expression): EndpointTarget {
  const style = context.style;
  const modelId = stringValue(modelIdExpression);
  if (modelId === undefined) return dynamicEndpointTarget(context, modelIdExpression.getText(context.sourceFile));
  const info = findModelIds(modelId)[0]?.info;
  const mapping = mappingFor(context, modelId);
  const known = { modelId, family: info?.family, container: mapping?.container };
  if (mapping) {
    const properties = [`EndpointName: ${quoted(mapping.endpointName, style)}`];
    if (mapping.inferenceComponentName) properties.push(`InferenceComponentName: ${quoted(mapping.inferenceComponentName, style)}`);
    return { properties, ...known };
  }
  const name = placeholderName(modelId);
  const deploy = info?.jumpStartId ? l10n.t(" (e.g. JumpStart model '{0}')", info.jumpStartId) : '';
  context.declare(name, [
    `// ${TODO}: ${l10n.t("set the name of the SageMaker endpoint that serves '{0}'{1}. Mapping model ids in the bedrockToSagemaker.endpoints setting lets the fix fill this in.", modelId, deploy)}`,
    `const ${name} = ${quoted('TODO-endpoint-name', style)}${semi(style)}`,
  ].join(style.eol));
  return { properties: [`EndpointName: ${name}`], ...known };
}

/**
 * A model id known only at run time (`process.env.MODEL_ID`, `input.modelId`, a constant) goes through the
 * lookup table. `knownIds` are ids the code is known to use; unmapped ones get placeholder entries.
 */
export function dynamicEndpointTarget(context: FixContext, modelIdText: string, knownIds: readonly string[] = []): EndpointTarget {
  const table = endpointTable(context);
  for (const id of knownIds) if (!mappingFor(context, id)) table.placeholders.add(id);
  return { properties: [`...${ENDPOINT_LOOKUP}(${ENDPOINT_TABLE}, ${modelIdText})`] };
}

export function mappingFor(context: FixContext, modelId: string): EndpointMapping | undefined {
  return mappingForModelId(context.settings, modelId);
}

/** The setting's endpoint for a model id, also when it is called through a cross-region inference profile (`us.`...). */
export function mappingForModelId(settings: EngineSettings, modelId: string): EndpointMapping | undefined {
  return endpointFor(settings, modelId.replace(/^(?:us-gov|us|eu|apac|jp|au|global)\./, '')) ?? endpointFor(settings, modelId);
}

/** `meta.llama3-8b-instruct-v1:0` → `SAGEMAKER_ENDPOINT_META_LLAMA3_8B_INSTRUCT_V1_0`. */
function placeholderName(modelId: string): string {
  const base = modelId.replace(/^(?:us-gov|us|eu|apac|jp|au|global)\./, '');
  return `SAGEMAKER_ENDPOINT_${base.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

interface EndpointTable {
  placeholders: Set<string>;
}

const tables = new WeakMap<FixContext, EndpointTable>();

/** The lookup table for model ids known only at run time, filled from the endpoint mapping setting. */
function endpointTable(context: FixContext): EndpointTable {
  let table = tables.get(context);
  if (table) return table;
  const created: EndpointTable = { placeholders: new Set() };
  tables.set(context, created);
  context.declare(ENDPOINT_TABLE, () => renderEndpointTable(context, created));
  return created;
}

function renderEndpointTable(context: FixContext, table: EndpointTable): string {
  const { style, settings } = context;
  const typed = context.run.languageId === 'typescript' || context.run.languageId === 'typescriptreact';
  const entry = (modelId: string, endpointName: string, inferenceComponentName?: string) => {
    const target = [`EndpointName: ${quoted(endpointName, style)}`];
    if (inferenceComponentName) target.push(`InferenceComponentName: ${quoted(inferenceComponentName, style)}`);
    return `${style.indent}${quoted(modelId, style)}: { ${target.join(', ')} },`;
  };
  const mapped = Object.entries(settings.endpoints).map(([modelId, mapping]) => entry(modelId, mapping.endpointName, mapping.inferenceComponentName));
  const placeholders = [...table.placeholders].map((modelId) => `${entry(modelId, 'TODO-endpoint-name')} // ${TODO}: ${l10n.t('the endpoint serving this model')}`);
  const comment = mapped.length > 0 && placeholders.length === 0
    ? l10n.t('Bedrock model id (or * pattern) → SageMaker endpoint, from the bedrockToSagemaker.endpoints setting; keep it in sync with your endpoints.')
    : `${TODO}: ${l10n.t('map every Bedrock model id this code can receive to the SageMaker endpoint that serves it.')}`;
  return [
    `// ${comment}`,
    `const ${ENDPOINT_TABLE}${typed ? `: ${ENDPOINT_TABLE_TYPE}` : ''} = {`,
    ...mapped,
    ...placeholders,
    `}${semi(style)}`,
  ].join(style.eol);
}

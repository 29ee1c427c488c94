import * as l10n from '../l10n';
import type { EndpointMapping, EngineSettings } from '../types';
import { modelInfo, withoutGeoPrefix } from './modelIds';

/** The SageMaker endpoint that replaces one Bedrock model id: the mapped one, or the visible placeholder. */
export interface EndpointChoice {
  endpointName: string;
  inferenceComponentName?: string;
  /** The container of the mapping; undefined when the model id is not mapped. */
  container?: EndpointMapping['container'];
  /** No mapping in bedrockToSagemaker.endpoints: `endpointName` is the placeholder. */
  placeholder: boolean;
}

/** The setting's endpoint for a model id, also when it is called through a cross-region inference profile (`us.`...). */
export function mappingForModelId(settings: EngineSettings, modelId: string): EndpointMapping | undefined {
  return endpointFor(settings, withoutGeoPrefix(modelId)) ?? endpointFor(settings, modelId);
}

/** Finds the endpoint mapping for a model id: exact key first, then `*` glob keys in declaration order. */
export function endpointFor(settings: EngineSettings, modelId: string): EndpointMapping | undefined {
  const exact = settings.endpoints[modelId];
  if (exact) return exact;
  for (const [pattern, mapping] of Object.entries(settings.endpoints)) {
    if (pattern.includes('*') && globToRegExp(pattern).test(modelId)) return mapping;
  }
  return undefined;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The start of the placeholder endpoint name the fixes write for an unmapped model id (see placeholderEndpointName). */
export const PLACEHOLDER_PREFIX = 'TODO-endpoint-for-';

/**
 * The one placeholder endpoint name every fix writes for an unmapped model id (code, lookup tables, Markdown
 * shell and Python fences): `TODO-endpoint-for-meta.llama3-8b-instruct-v1:0`. It is not a valid endpoint name,
 * so a forgotten placeholder fails with SageMaker's validation error instead of calling the wrong endpoint.
 */
export function placeholderEndpointName(modelId: string | undefined): string {
  return modelId === undefined || modelId === '' ? 'TODO-endpoint-name' : `${PLACEHOLDER_PREFIX}${modelId}`;
}

/** The model id of a placeholder endpoint name (the value of a string literal), or undefined for any other value. */
export function placeholderModelId(value: string): string | undefined {
  if (!value.startsWith(PLACEHOLDER_PREFIX)) return undefined;
  const modelId = value.slice(PLACEHOLDER_PREFIX.length);
  return modelId !== '' && !/\s/.test(modelId) ? modelId : undefined;
}

export function endpointChoiceFor(settings: EngineSettings, modelId: string | undefined): EndpointChoice {
  const mapping = modelId === undefined ? undefined : mappingForModelId(settings, modelId);
  if (!mapping) return { endpointName: placeholderEndpointName(modelId), placeholder: true };
  return {
    endpointName: mapping.endpointName,
    ...(mapping.inferenceComponentName ? { inferenceComponentName: mapping.inferenceComponentName } : {}),
    container: mapping.container,
    placeholder: false,
  };
}

/** What to do about a placeholder: which endpoint to deploy and where to map it (the text after `TODO:`). */
export function placeholderNote(modelId: string): string {
  const jumpStartId = modelInfo(modelId)?.jumpStartId;
  const deploy = jumpStartId ? l10n.t(" (e.g. JumpStart model '{0}')", jumpStartId) : '';
  return l10n.t("put the name of the SageMaker endpoint that serves '{0}'{1} in place of '{2}' (mapping the model id in the bedrockToSagemaker.endpoints setting before migrating fills it in).",
    modelId, deploy, placeholderEndpointName(modelId));
}

import * as l10n from '@vscode/l10n';
import { MIGRATION_TODO } from './migrationTodo';
import { endpointFor } from '../settings';
import type { EndpointMapping, EngineSettings } from '../types';
import { modelInfo } from '../fixes/support/staticModelIds';

/** The marker every TODO comment written by a fix starts with (reported by bedrock/migration-todo until removed). */
export const TODO = MIGRATION_TODO;

const GEO_PREFIX = /^(?:us-gov|us|eu|apac|jp|au|global)\./;

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
  return endpointFor(settings, modelId.replace(GEO_PREFIX, '')) ?? endpointFor(settings, modelId);
}

/**
 * The one placeholder endpoint name every fix writes for an unmapped model id (code, lookup tables, Markdown
 * shell and Python fences): `TODO-endpoint-for-meta.llama3-8b-instruct-v1:0`. It is not a valid endpoint name,
 * so a forgotten placeholder fails with SageMaker's validation error instead of calling the wrong endpoint.
 */
export function placeholderEndpointName(modelId: string | undefined): string {
  return modelId === undefined || modelId === '' ? 'TODO-endpoint-name' : `TODO-endpoint-for-${modelId}`;
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

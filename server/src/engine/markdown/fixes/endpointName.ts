import * as l10n from '@vscode/l10n';
import { endpointChoiceFor, placeholderEndpointName, placeholderNote } from '../../catalog/endpointChoice';
import type { EngineSettings } from '../../types';

export interface EndpointChoice {
  name: string;
  inferenceComponentName?: string;
  /** No mapping in bedrockToSagemaker.endpoints: the fix writes the placeholder and a comment. */
  placeholder: boolean;
}

/**
 * The SageMaker endpoint for a Bedrock model id, from settings (geo prefix ignored), else the placeholder every
 * fix writes (`TODO-endpoint-for-<model id>`, the same as in rewritten code and lookup tables).
 */
export function endpointForModel(settings: EngineSettings, modelId: string | undefined): EndpointChoice {
  if (modelId === undefined) return { name: placeholderEndpointName(undefined), placeholder: true };
  const choice = endpointChoiceFor(settings, modelId);
  return { name: choice.endpointName, ...(choice.inferenceComponentName ? { inferenceComponentName: choice.inferenceComponentName } : {}), placeholder: choice.placeholder };
}

/** The comment above a fence line that got a placeholder endpoint (the model id's source text when it is not a literal). */
export function placeholderTodo(modelId: string | undefined, modelIdSource: string): string {
  return modelId === undefined
    ? l10n.t('TODO: set EndpointName to the SageMaker endpoint that serves {0}.', modelIdSource)
    : `TODO: ${placeholderNote(modelId)}`;
}

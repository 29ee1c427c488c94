import { endpointFor } from '../../settings';
import type { EngineSettings } from '../../types';

export const ENDPOINT_PLACEHOLDER = 'YOUR_ENDPOINT_NAME';

export interface EndpointChoice {
  name: string;
  inferenceComponentName?: string;
  /** No mapping in bedrockToSagemaker.endpoints: the fix writes a placeholder and a comment. */
  placeholder: boolean;
}

/** The SageMaker endpoint for a Bedrock model id, from settings (geo prefix ignored), else the placeholder. */
export function endpointForModel(settings: EngineSettings, modelId: string | undefined): EndpointChoice {
  const base = modelId?.replace(/^(?:us-gov|us|eu|apac|jp|au|global)\./, '');
  const mapping = modelId === undefined ? undefined : endpointFor(settings, base!) ?? endpointFor(settings, modelId);
  if (!mapping) return { name: ENDPOINT_PLACEHOLDER, placeholder: true };
  return { name: mapping.endpointName, inferenceComponentName: mapping.inferenceComponentName, placeholder: false };
}

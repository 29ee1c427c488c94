import * as l10n from '../l10n';
import type { ModelIdInfo } from './modelIds';
import { mappingForModelId } from './endpointChoice';
import { none } from '../rules';
import type { Category, EngineSettings, FindingData } from '../types';

/** Message, category, equivalent and data for a Bedrock model id; shared by scripts, fences and prose. */
export function describeModelId(info: ModelIdInfo, settings: EngineSettings): { message: string; category: Category; equivalent: string; data: FindingData } {
  const region = settings.targetRegion;
  const mapping = mappingForModelId(settings, info.modelId);
  const profileNote = info.geoPrefix
    ? ' ' + l10n.t("Cross-region inference profiles ('{0}.') do not exist in China regions.", info.geoPrefix)
    : '';
  const data: FindingData = {
    modelId: info.modelId, family: info.family, openWeights: info.openWeights, embedding: info.embedding,
    jumpStartId: info.jumpStartId, geoPrefix: info.geoPrefix, endpointName: mapping?.endpointName,
    inferenceComponentName: mapping?.inferenceComponentName, container: mapping?.container,
  };
  if (mapping) {
    return {
      category: 'has-equivalent', equivalent: mapping.endpointName, data,
      message: l10n.t("Bedrock model id '{0}' maps to SageMaker endpoint '{1}' (bedrockToSagemaker.endpoints).", info.modelId, mapping.endpointName) + profileNote,
    };
  }
  if (info.openWeights) {
    const how = info.jumpStartId
      ? l10n.t("Deploy JumpStart model '{0}' on a SageMaker endpoint", info.jumpStartId)
      : l10n.t('Deploy the open-weight model on a SageMaker endpoint (LMI/vLLM container)');
    return {
      category: 'has-equivalent', equivalent: info.jumpStartId ?? l10n.t('a SageMaker endpoint hosting the open-weight model'), data,
      message: l10n.t("Bedrock model id '{0}' does not exist in {1}. {2} and map it in bedrockToSagemaker.endpoints.", info.modelId, region, how) + profileNote,
    };
  }
  const alternative = info.embedding
    ? l10n.t('an open embedding model on its own endpoint (e.g. JumpStart huggingface-sentencesimilarity-bge-m3); re-embed the corpus')
    : l10n.t('an open model (e.g. Qwen, Llama, DeepSeek) deployed on a SageMaker endpoint');
  return {
    category: 'no-equivalent', equivalent: none(alternative), data,
    message: l10n.t("Bedrock model id '{0}' is a closed-weight model with no SageMaker equivalent in {1}. Alternative: {2}.", info.modelId, region, alternative) + profileNote,
  };
}

import * as l10n from '../l10n';
import { modelInfo } from './modelIds';

/** The ids among `ids` that name a model with no open weights (Claude, Titan, Nova, Cohere, AI21...). */
export function closedWeightIds(ids: readonly string[]): string[] {
  return ids.filter((id) => modelInfo(id)?.openWeights === false);
}

/** Why a call on closed-weight models is not migrated, and what to do instead. */
export function closedWeightReason(closed: readonly string[]): string {
  return l10n.t("'{0}' has no open weights: choose an open model (e.g. Qwen, Llama, DeepSeek) deployed on SageMaker, change the model id, then migrate", closed.join("', '"));
}

import * as l10n from '../../l10n';
import type { WrapperExport } from '../../catalog/packages';
import { ruleMeta } from '../../rules';

/** The alternative named for a wrapper export: its rule's, except for embedding classes, which no chat model replaces. */
export function wrapperAlternative(wrapper: WrapperExport): string {
  return wrapper.embeddings
    ? l10n.t('an embedding model on its own SageMaker endpoint (re-embed the corpus: the vectors differ)')
    : ruleMeta(wrapper.rule).equivalent();
}

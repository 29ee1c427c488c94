import * as l10n from '@vscode/l10n';
import type { EndpointMapping } from '../../types';

/**
 * The visible choice a TGI-schema rewrite makes when the model id has no mapping (so no container): LMI's
 * object response is read. Undefined when the mapping names the container.
 */
export function containerAssumption(container: EndpointMapping['container'] | undefined): string | undefined {
  if (container) return undefined;
  return l10n.t('assumes an LMI container (reads generated_text); on a TGI container read [0].generated_text, or map the model id with "container": "tgi" before migrating.');
}

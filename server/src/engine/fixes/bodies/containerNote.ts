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

/**
 * A Bedrock `stop_reason` ("stop" | "length") from the TGI-schema response's `details.finish_reason` ("length",
 * "eos_token", "stop_sequence"): `x.stop_reason` → `(x.details.finish_reason === "length" ? "length" : "stop")`.
 */
export function stopReasonFromDetails<T extends object>(
  container: EndpointMapping['container'] | undefined, style: { readonly quote: string }, rule: T = {} as T,
): T & { prefix: string; readonly suffix: string; details: true } {
  const base = container === 'tgi' ? '[0].details' : '.details';
  // The suffix is rendered when a rewrite writes it: the file's quote style is not worked out for checks.
  const q = (value: string) => `${style.quote}${value}${style.quote}`;
  return Object.defineProperties(rule, {
    prefix: { value: '(', enumerable: true },
    details: { value: true, enumerable: true },
    suffix: { get: () => `${base}.finish_reason === ${q('length')} ? ${q('length')} : ${q('stop')})`, enumerable: true },
  }) as T & { prefix: string; readonly suffix: string; details: true };
}

/** `x.generation_token_count` → `x.details.generated_tokens` (`x[0].details...` on TGI). */
export function generatedTokensFromDetails(container: EndpointMapping['container'] | undefined): { prefix: string; suffix: string; details: true } {
  return { prefix: '', suffix: `${container === 'tgi' ? '[0].details' : '.details'}.generated_tokens`, details: true };
}

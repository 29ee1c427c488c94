import * as l10n from '@vscode/l10n';
import type { FixContext } from '../fixContext';
import { containerAssumption, stopReasonFromDetails } from './containerNote';
import type { PromptBodySpec } from './tgiSchemaBody';
import { translatePromptBody, untranslatablePromptBody } from './tgiSchemaBody';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

/**
 * Mistral / Mixtral `{prompt, max_tokens, temperature, top_p, top_k, stop}`. Sent unchanged it would be an
 * OpenAI completions request, which a real LMI container rejects for these models (424): it goes to the TGI
 * schema like Llama. Bedrock's default max_tokens for Mistral 7B and Mixtral is 512 (8,192 for Mistral Large).
 */
export const MISTRAL_BODY: PromptBodySpec = {
  provider: 'Mistral',
  parameters: { max_tokens: 'max_new_tokens', temperature: 'temperature', top_p: 'top_p', top_k: 'top_k', stop: 'stop' },
  maxTokensField: 'max_tokens',
  defaultMaxTokens: '512',
};

export function checkMistralBody(request: BodyRequest): string | undefined {
  return untranslatablePromptBody(request.literal, MISTRAL_BODY);
}

/** The body → `{inputs, parameters: {max_new_tokens, ...}}`; `outputs[0].text` → `generated_text` (`[0].generated_text` on TGI). */
export function rewriteMistralBody(context: FixContext, request: BodyRequest): BodyRewrite {
  const spec = /mistral-large/.test(request.modelId ?? '') ? { ...MISTRAL_BODY, defaultMaxTokens: '8192' } : MISTRAL_BODY;
  translatePromptBody(context, request.literal!, spec, request.stream, request.details === true);
  const todo = request.stream ? undefined : containerAssumption(request.container);
  return { reads: mistralReads(request), ...(todo ? { todo } : {}) };
}

/** `outputs[0].text` → `generated_text`; `outputs[0].stop_reason` → from `details.finish_reason` (streams: refused). */
export function mistralReads(request: Pick<BodyRequest, 'stream' | 'container' | 'quote'>): ReadRule[] {
  if (request.stream) {
    const stopReason = { refuse: l10n.t("the stream's '{0}' has no counterpart in the container's stream events", 'outputs[0].stop_reason') };
    return [{ field: 'outputs', kind: 'first', members: { text: { fn: 'streamedText' }, stop_reason: stopReason } }];
  }
  const text = { suffix: request.container === 'tgi' ? '[0].generated_text' : '.generated_text' };
  return [{ field: 'outputs', kind: 'first', members: { text, stop_reason: stopReasonFromDetails(request.container, request) } }];
}

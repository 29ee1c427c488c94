import * as l10n from '@vscode/l10n';
import type { FixContext } from '../context';
import { containerAssumption } from './containerNote';
import type { PromptBodySpec } from './tgiSchemaBody';
import { translatePromptBody, untranslatablePromptBody } from './tgiSchemaBody';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

/**
 * Mistral / Mixtral `{prompt, max_tokens, temperature, top_p, top_k, stop}`. Sent unchanged it would be an
 * OpenAI completions request, which a real LMI container rejects for these models (424): it goes to the TGI
 * schema like Llama. Bedrock's default max_tokens for Mistral 7B and Mixtral is 512.
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
  translatePromptBody(context, request.literal!, MISTRAL_BODY, request.stream);
  const todo = request.stream ? undefined : containerAssumption(request.container);
  return { reads: mistralReads(request), ...(todo ? { todo } : {}) };
}

export function mistralReads(request: Pick<BodyRequest, 'stream' | 'container'>): ReadRule[] {
  const text = request.stream ? { fn: 'streamedText' } : { suffix: request.container === 'tgi' ? '[0].generated_text' : '.generated_text' };
  const stopReason = {
    refuse: l10n.t("Mistral's outputs[0].stop_reason has no counterpart with the same values in the container's response (details.finish_reason says eos_token, length or stop_sequence)"),
  };
  return [{ field: 'outputs', kind: 'first', members: { text, stop_reason: stopReason } }];
}

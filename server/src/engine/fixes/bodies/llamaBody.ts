import * as l10n from '@vscode/l10n';
import type { FixContext } from '../fixContext';
import type { PromptBodySpec } from './tgiSchemaBody';
import { translatePromptBody, untranslatablePromptBody } from './tgiSchemaBody';
import { containerAssumption, generatedTokensFromDetails, stopReasonFromDetails } from './containerNote';
import type { BodyRequest, BodyRewrite, ReadRule } from './types';

/** Meta Llama `{prompt, max_gen_len, temperature, top_p}`; Bedrock's default max_gen_len is 512. */
export const LLAMA_BODY: PromptBodySpec = {
  provider: 'Meta Llama',
  parameters: { max_gen_len: 'max_new_tokens', temperature: 'temperature', top_p: 'top_p' },
  maxTokensField: 'max_gen_len',
  defaultMaxTokens: '512',
};

export function checkLlamaBody(request: BodyRequest): string | undefined {
  return untranslatablePromptBody(request.literal, LLAMA_BODY);
}

/**
 * Meta Llama `{prompt, max_gen_len, temperature, top_p}` → the TGI schema that LMI and TGI both accept:
 * `{inputs, parameters: {max_new_tokens, temperature, top_p}}` (+ `stream: true`), always with max_new_tokens.
 */
export function rewriteLlamaBody(context: FixContext, request: BodyRequest): BodyRewrite {
  translatePromptBody(context, request.literal!, LLAMA_BODY, request.stream, request.details === true);
  const todo = request.stream ? undefined : containerAssumption(request.container);
  return { reads: llamaReads(request), ...(todo ? { todo } : {}) };
}

/**
 * `generation` → `generated_text` (`[0].generated_text` on TGI); `stop_reason` and `generation_token_count` →
 * the response's `details` (asked for with `details: true`). What has no counterpart refuses the call.
 */
export function llamaReads(request: Pick<BodyRequest, 'stream' | 'container' | 'quote'>): ReadRule[] {
  if (request.stream) {
    const inStream = (field: string): ReadRule => ({
      field, kind: 'refuse', reason: l10n.t("the stream's '{0}' has no counterpart in the container's stream events", field),
    });
    return [{ field: 'generation', kind: 'wrap', fn: 'streamedText' }, inStream('stop_reason'), inStream('generation_token_count'), inStream('prompt_token_count')];
  }
  return [
    { field: 'generation', kind: 'rename', to: 'generated_text', index0: request.container === 'tgi' },
    stopReasonFromDetails(request.container, request, { field: 'stop_reason', kind: 'rewrite' as const }),
    { field: 'generation_token_count', kind: 'rewrite', ...generatedTokensFromDetails(request.container) },
    { field: 'prompt_token_count', kind: 'refuse', reason: l10n.t("the response's '{0}' has no counterpart in the container's response", 'prompt_token_count') },
  ];
}
